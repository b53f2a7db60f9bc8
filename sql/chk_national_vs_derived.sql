-- Audit: a national growth derived from a regional report ("12 percent, 3 points above the
-- national average" gives 9 ± 1.0) that disagrees with a national growth another report states
-- for the same segment and period (8.8 agrees; 6.5 does not).
with facts as (
    select * from fact_retail where metric_code = 'yoy_growth_pct'
),

nation as (
    select region_code from dim_region where level = 'nation'
),

national as (
    select facts.* from facts inner join nation using (region_code)
),

final as (
    select
        derived.report_id,
        stated.report_id as stated_report_id,
        derived.segment_code,
        derived.period_code,
        derived.value as derived_pct,
        derived.half_unit as derived_rounding,
        stated.value as stated_pct,
        derived.derivation,
        stated.evidence as stated_evidence
    from national as derived
    inner join national as stated
        on stated.segment_code = derived.segment_code
        and stated.period_code = derived.period_code
        and stated.report_id <> derived.report_id
        and not stated.is_derived
    where derived.is_derived
        and abs(derived.value - stated.value) > derived.half_unit + stated.half_unit + 1e-9
)

select * from final
