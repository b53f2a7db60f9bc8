-- Grain: one row per fact, with every key spelled out for reading.
with facts as (
    select * from fact_retail
),

regions as (
    select * from dim_region
),

segments as (
    select * from dim_segment
),

metrics as (
    select * from dim_metric
),

reports as (
    select * from dim_report
),

final as (
    select
        regions.region_name as region,
        regions.name_zh as region_zh,
        segments.segment_name as segment,
        segments.name_zh as segment_zh,
        facts.period_code as period,
        metrics.metric_name as metric,
        facts.value,
        facts.unit,
        facts.qualifier,
        facts.conversion,
        facts.is_derived,
        facts.origin,
        facts.derivation,
        facts.evidence,
        reports.title as report_title,
        reports.report_date,
        reports.url as report_url,  -- where a fetched report was served; null for files dropped in
        facts.metric_code,
        facts.region_code,
        facts.segment_code,
        facts.report_id,
        facts.fact_id
    from facts
    left join regions on regions.region_code = facts.region_code
    left join segments on segments.segment_code = facts.segment_code
    left join metrics on metrics.metric_code = facts.metric_code
    left join reports on reports.report_id = facts.report_id
)

select * from final
order by report_date, report_id, region, segment, period, metric_code
