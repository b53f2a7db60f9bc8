-- Audit: an amount, last year's amount for the same period and the stated growth between them
-- that disagree beyond rounding (growth must lie in the range the two rounded amounts imply).
-- Last year's amount is the one the warehouse answers with (v_series), so each stated amount is
-- compared once, however many reports state last year's.
-- Grain: one row per stated amount whose growth disagrees.
with amounts as (
    select * from fact_retail where metric_code = 'amount_cny' and not is_derived
),

answered_amounts as (
    select amounts.*
    from v_series as series
    inner join amounts using (fact_id)
),

growth as (
    select * from fact_retail where metric_code = 'yoy_growth_pct' and not is_derived
),

compared as (
    select
        current.report_id,
        current.region_code,
        current.segment_code,
        current.period_code,
        current.value as amount,
        prior.value as prior_amount,
        prior.report_id as prior_report_id,
        growth.value as stated_growth_pct,
        ((current.value - current.half_unit) / (prior.value + prior.half_unit) - 1) * 100 as lowest_implied_pct,
        ((current.value + current.half_unit) / (prior.value - prior.half_unit) - 1) * 100 as highest_implied_pct,
        growth.half_unit as growth_rounding,
        growth.evidence
    from amounts as current
    inner join answered_amounts as prior
        on prior.region_code = current.region_code
        and prior.segment_code = current.segment_code
        and prior.period_code
        = cast(cast(left(current.period_code, 4) as integer) - 1 as varchar) || substr(current.period_code, 5)
    inner join growth
        on growth.report_id = current.report_id
        and growth.region_code = current.region_code
        and growth.segment_code = current.segment_code
        and growth.period_code = current.period_code
    where prior.value > prior.half_unit
),

final as (
    select * from compared
    where stated_growth_pct + growth_rounding < lowest_implied_pct - 1e-9
        or stated_growth_pct - growth_rounding > highest_implied_pct + 1e-9
)

select * from final
