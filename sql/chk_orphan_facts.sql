-- Audit: facts whose keys are missing from a dimension. Empty when every key resolves.
with facts as (
    select * from fact_retail
),

final as (
    select
        facts.fact_id,
        facts.report_id,
        facts.region_code,
        facts.segment_code,
        facts.period_code,
        facts.metric_code,
        concat_ws(
            ', ',
            case when dim_report.report_id is null then 'report' end,
            case when dim_region.region_code is null then 'region' end,
            case when dim_segment.segment_code is null then 'segment' end,
            case when dim_period.period_code is null then 'period' end,
            case when dim_metric.metric_code is null then 'metric' end
        ) as missing_keys
    from facts
    left join dim_report on dim_report.report_id = facts.report_id
    left join dim_region on dim_region.region_code = facts.region_code
    left join dim_segment on dim_segment.segment_code = facts.segment_code
    left join dim_period on dim_period.period_code = facts.period_code
    left join dim_metric on dim_metric.metric_code = facts.metric_code
    where dim_report.report_id is null
        or dim_region.region_code is null
        or dim_segment.segment_code is null
        or dim_period.period_code is null
        or dim_metric.metric_code is null
)

select * from final
