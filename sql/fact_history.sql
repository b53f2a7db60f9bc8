-- Grain: one row per fact per version of its report: every fact published now (valid_to null)
-- and every fact a later version of its report replaced or whose report was removed (valid_to
-- set, with why). Query it "as of" a time with valid_from <= t and (valid_to is null or t < valid_to).
with current_facts as (
    select
        facts.fact_id,
        facts.report_id,
        reports.path,
        facts.region_code,
        facts.segment_code,
        facts.period_code,
        facts.metric_code,
        facts.value,
        facts.unit,
        facts.is_derived,
        facts.evidence,
        reports.loaded_at as valid_from,
        cast(null as timestamptz) as valid_to,
        cast(null as varchar) as superseded_because
    from fact_retail as facts
    inner join stg_reports as reports using (report_id)
),

superseded as (
    select * from stg_superseded_facts
),

final as (
    select * from current_facts
    union all by name
    select * from superseded
)

select * from final
order by path, valid_from, fact_id
