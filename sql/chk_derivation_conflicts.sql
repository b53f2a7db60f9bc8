-- Audit: one report's regional growth and gaps that imply different national growth ("Gansu
-- 12 %, 3 points above the national average; Qinghai 10 %, 4 points above" gives 9 and 6), beyond
-- what rounding allows. fact_retail keeps the first derivation; this shows the others.
-- Grain: one row per derived fact × disagreeing derivation.
with stated as (
    select * from fact_retail where not is_derived
),

nation as (
    select region_code from dim_region where level = 'nation'
),

derived as (
    select * from fact_retail where is_derived and metric_code = 'yoy_growth_pct'
),

implied as (
    select
        gap.report_id,
        gap.region_code as from_region_code,
        gap.segment_code,
        gap.period_code,
        regional.value - gap.value as implied_pct,
        regional.half_unit + gap.half_unit as rounding,
        gap.evidence
    from stated as gap
    inner join stated as regional
        on regional.report_id = gap.report_id
        and regional.region_code = gap.region_code
        and regional.segment_code = gap.segment_code
        and regional.period_code = gap.period_code
        and regional.metric_code = 'yoy_growth_pct'
    where gap.metric_code = 'gap_vs_national_pp'
        and gap.region_code not in (select region_code from nation)
),

final as (
    select
        derived.fact_id,
        derived.report_id,
        derived.segment_code,
        derived.period_code,
        derived.value as derived_pct,
        derived.derivation,
        implied.from_region_code,
        implied.implied_pct,
        implied.evidence
    from derived
    inner join nation using (region_code)
    inner join implied
        on implied.report_id = derived.report_id
        and implied.segment_code = derived.segment_code
        and implied.period_code = derived.period_code
    where abs(implied.implied_pct - derived.value) > implied.rounding + derived.half_unit + 1e-9
)

select * from final
