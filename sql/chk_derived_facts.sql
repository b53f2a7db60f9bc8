-- Audit: derived facts that do not equal their derivation (first input minus second input),
-- or whose inputs are missing from fact_retail.
with derived as (
    select * from fact_retail where is_derived
),

inputs as (
    select fact_id, value from fact_retail
),

final as (
    select
        derived.fact_id,
        derived.report_id,
        derived.metric_code,
        derived.value,
        minuend.value - subtrahend.value as recomputed_value,
        derived.derivation
    from derived
    left join inputs as minuend on minuend.fact_id = derived.derived_from[1]
    left join inputs as subtrahend on subtrahend.fact_id = derived.derived_from[2]
    where len(derived.derived_from) <> 2
        or minuend.value is null
        or subtrahend.value is null
        or abs(derived.value - (minuend.value - subtrahend.value)) > 1e-6
)

select * from final
