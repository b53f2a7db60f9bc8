-- Audit: two reports that state the same fact (region, segment, period, measure) with values
-- whose rounding intervals do not overlap. A later report from the same source restating a fact
-- is a revision (v_revisions), not a conflict.
with stated as (
    select facts.*, reports.source, reports.report_date, reports.path
    from fact_retail as facts
    inner join dim_report as reports using (report_id)
    where not facts.is_derived
),

final as (
    select
        one.report_id,
        other.report_id as other_report_id,
        one.path,
        other.path as other_path,
        one.region_code,
        one.segment_code,
        one.period_code,
        one.metric_code,
        one.value,
        other.value as other_value,
        one.evidence,
        other.evidence as other_evidence
    from stated as one
    inner join stated as other
        on other.region_code = one.region_code
        and other.segment_code = one.segment_code
        and other.period_code = one.period_code
        and other.metric_code = one.metric_code
        and other.report_id > one.report_id
    where abs(one.value - other.value) > one.half_unit + other.half_unit + 1e-9
        and not (one.source = other.source and one.report_date <> other.report_date)
)

select * from final
