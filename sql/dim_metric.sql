-- Grain: one row per metric: the stated measures, plus a count and its growth per counted quantity.
with metrics as (
    select * from ref_metrics
),

quantities as (
    select * from ref_quantities
),

counts as (
    select
        quantity || '_count' as metric_code,
        'number of ' || quantity_name as metric_name,
        unit,
        'count' as metric_kind
    from quantities
),

count_growth as (
    select
        quantity || '_yoy_growth_pct' as metric_code,
        'year-on-year growth in the number of ' || quantity_name as metric_name,
        'percent' as unit,
        'growth' as metric_kind
    from quantities
),

final as (
    select metric_code, metric_name, unit, metric_kind from metrics
    union all
    select * from counts
    union all
    select * from count_growth
)

select * from final
order by metric_code
