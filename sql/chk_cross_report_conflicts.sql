-- Audit: a report stating a fact (region, segment, period, measure) with a value whose rounding
-- interval does not meet that of the figure the warehouse answers with (v_series). A later
-- report from the same source restating a fact is a revision (v_revisions), not a conflict.
-- Grain: one row per stated figure that disagrees with the answer (not per pair of reports, so
-- the audit grows with the facts however many reports state one question).
with stated as (
    select facts.*, reports.source, reports.report_date, reports.path
    from fact_retail as facts
    inner join dim_report as reports using (report_id)
    where not facts.is_derived
),

answers as (
    select stated.*
    from v_series as series
    inner join stated using (fact_id)
),

final as (
    select
        one.report_id,
        answer.report_id as other_report_id,
        one.path,
        answer.path as other_path,
        one.region_code,
        one.segment_code,
        one.period_code,
        one.metric_code,
        one.value,
        answer.value as other_value,
        one.evidence,
        answer.evidence as other_evidence
    from stated as one
    inner join answers as answer
        on answer.region_code = one.region_code
        and answer.segment_code = one.segment_code
        and answer.period_code = one.period_code
        and answer.metric_code = one.metric_code
        and answer.report_id <> one.report_id
    where abs(one.value - answer.value) > one.half_unit + answer.half_unit + 1e-9
        and not (one.source = answer.source and one.report_date <> answer.report_date)
)

select * from final
