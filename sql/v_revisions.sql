-- Grain: one row per fact a source restated in a later report with a different value: the later
-- report revises the earlier one.
with stated as (
    select facts.*, reports.source, reports.report_date, reports.title
    from fact_retail as facts
    inner join dim_report as reports using (report_id)
    where not facts.is_derived
),

final as (
    select
        later.region_code,
        later.segment_code,
        later.period_code,
        later.metric_code,
        earlier.value as earlier_value,
        later.value as revised_value,
        earlier.report_date as earlier_report_date,
        later.report_date as revised_report_date,
        later.source,
        earlier.report_id as earlier_report_id,
        later.report_id as revised_report_id
    from stated as later
    inner join stated as earlier
        on earlier.region_code = later.region_code
        and earlier.segment_code = later.segment_code
        and earlier.period_code = later.period_code
        and earlier.metric_code = later.metric_code
        and earlier.source = later.source
        and earlier.report_date < later.report_date
    where abs(earlier.value - later.value) > earlier.half_unit + later.half_unit + 1e-9
)

select * from final
order by region_code, segment_code, period_code, metric_code, revised_report_date
