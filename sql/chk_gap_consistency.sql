-- Audit: stated gaps to the national average that disagree with the stated regional and
-- national growth of the same report, beyond what rounding of the three figures allows
-- (a figure stands for value ± half_unit: "5.6 points" is 5.55–5.65).
with stated as (
    select * from fact_retail where not is_derived
),

nation as (
    select region_code from dim_region where level = 'nation'
),

gaps as (
    select * from stated where metric_code = 'gap_vs_national_pp'
),

growth as (
    select * from stated where metric_code = 'yoy_growth_pct'
),

national_growth as (
    select growth.* from growth inner join nation using (region_code)
),

compared as (
    select
        gaps.report_id,
        gaps.region_code,
        gaps.segment_code,
        gaps.period_code,
        gaps.value as stated_gap_pp,
        regional.value as regional_growth_pct,
        national.value as national_growth_pct,
        regional.value - national.value as computed_gap_pp,
        gaps.half_unit + regional.half_unit + national.half_unit as rounding_tolerance,
        gaps.evidence
    from gaps
    inner join growth as regional
        on regional.report_id = gaps.report_id
        and regional.region_code = gaps.region_code
        and regional.segment_code = gaps.segment_code
        and regional.period_code = gaps.period_code
    inner join national_growth as national
        on national.report_id = gaps.report_id
        and national.segment_code = gaps.segment_code
        and national.period_code = gaps.period_code
),

final as (
    select * from compared
    where abs(stated_gap_pp - computed_gap_pp) > rounding_tolerance + 1e-9
)

select * from final
