-- Grain: one row per reporting period: a calendar of every period kind for each year from the
-- year before the earliest observation (for prior-year facts) to the latest, plus the named
-- events (Spring Festival, Double 11 …) that observations are for, with the dates a report gives
-- them, else the month they fall in (dates_stated says which).
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
    -- January through a month; through March, June and December are Q1, H1 and the year.
    select 'year_to_date', '-YTD' || lpad(cast(month as varchar), 2, '0'), 1, month
    from months
    where month between 2 and 11 and month <> 6 and month <> 3
),

calendar as (
    select
        cast(years.year as varchar) || period_kinds.suffix as period_code,
        period_kinds.period_kind,
        cast(years.year as integer) as year,
        make_date(years.year, period_kinds.first_month, 1) as start_date,
        last_day(make_date(years.year, period_kinds.last_month, 1)) as end_date,
        true as dates_stated
    from years
    cross join period_kinds
),

observed_events as (
    select distinct
        cast(left(period_code, 4) as integer) as year,
        substr(period_code, 9) as event
    from stg_observations
    where period_code like '____-EV-%'
),

-- each observed event, and the same event a year earlier (for prior-year facts)
event_periods as (
    select distinct
        cast(observed_events.year - offsets.years_back as varchar) || '-EV-' || observed_events.event
            as period_code,
        observed_events.year - offsets.years_back as year,
        observed_events.event
    from observed_events
    cross join (values (0), (1)) as offsets (years_back)
),

stated_event_dates as (
    select period_code, min(start_date) as start_date, max(end_date) as end_date
    from stg_event_dates
    group by period_code
),

events as (
    select
        event_periods.period_code,
        'event' as period_kind,
        event_periods.year,
        coalesce(stated.start_date, make_date(event_periods.year, ref_events.event_month, 1)) as start_date,
        coalesce(stated.end_date, last_day(make_date(event_periods.year, ref_events.event_month, 1)))
            as end_date,
        stated.period_code is not null as dates_stated
    from event_periods
    inner join ref_events using (event)
    left join stated_event_dates as stated using (period_code)
),

final as (
    select * from calendar
    union all
    select * from events
)

select * from final
order by start_date, end_date, period_code
