-- Grain: one row per reporting period, a calendar of every period kind for each year
-- from the year before the earliest observation (for prior-year facts) to the latest.
with observation_years as (
    select cast(left(period_code, 4) as integer) as year
    from stg_observations
),

years as (
    select unnest(generate_series(min(year) - 1, max(year))) as year
    from observation_years
    having count(*) > 0
),

months as (
    select unnest(generate_series(1, 12)) as month
),

period_kinds as (
    select * from (values
        ('year', '', 1, 12),
        ('half', '-H1', 1, 6),
        ('half', '-H2', 7, 12),
        ('quarter', '-Q1', 1, 3),
        ('quarter', '-Q2', 4, 6),
        ('quarter', '-Q3', 7, 9),
        ('quarter', '-Q4', 10, 12)
    ) as kinds (period_kind, suffix, first_month, last_month)
    union all
    select 'month', '-M' || lpad(cast(month as varchar), 2, '0'), month, month
    from months
    union all
    -- January through a month; through June and December are the half and the year.
    select 'year_to_date', '-YTD' || lpad(cast(month as varchar), 2, '0'), 1, month
    from months
    where month between 2 and 11 and month <> 6 and month <> 3
),

final as (
    select
        cast(years.year as varchar) || period_kinds.suffix as period_code,
        period_kinds.period_kind,
        cast(years.year as integer) as year,
        make_date(years.year, period_kinds.first_month, 1) as start_date,
        last_day(make_date(years.year, period_kinds.last_month, 1)) as end_date
    from years
    cross join period_kinds
)

select * from final
order by start_date, end_date
