-- Grain: one row per report × region × segment × period with a regional growth figure:
-- the region's growth beside the national growth (stated, or derived from a stated gap).
with growth as (
    select * from fact_retail where metric_code = 'yoy_growth_pct'
),

gaps as (
    select * from fact_retail where metric_code = 'gap_vs_national_pp'
),

regions as (
    select * from dim_region
),

segments as (
    select * from dim_segment
),

regional as (
    select growth.*
    from growth
    inner join regions using (region_code)
    where regions.level <> 'nation'
),

national as (
    select growth.*
    from growth
    inner join regions using (region_code)
    where regions.level = 'nation'
),

final as (
    select
        regions.region_name as region,
        regions.name_zh as region_zh,
        segments.segment_name as segment,
        segments.name_zh as segment_zh,
        regional.period_code as period,
        regional.value as regional_growth_pct,
        national.value as national_growth_pct,
        national.is_derived as national_is_derived,
        gaps.value as stated_gap_pp,
        round(regional.value - national.value, 6) as growth_gap_pp,
        regional.report_id,
        regional.region_code,
        regional.segment_code
    from regional
    inner join regions using (region_code)
    inner join segments using (segment_code)
    left join national
        on national.report_id = regional.report_id
        and national.segment_code = regional.segment_code
        and national.period_code = regional.period_code
    left join gaps
        on gaps.report_id = regional.report_id
        and gaps.region_code = regional.region_code
        and gaps.segment_code = regional.segment_code
        and gaps.period_code = regional.period_code
)

select * from final
order by region, period, segment
