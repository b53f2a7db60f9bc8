-- Audit: regions that an enabled source follows (data/sources.csv, its region) whose next release
-- is overdue: expected by the end of the period after the newest one the warehouse holds for the
-- region (settings: release_cadence_months after its end) plus the usual publication lag
-- (release_lag_days). A region followed but with no facts yet is overdue too. With no enabled
-- source nothing is expected, and nothing is overdue.
-- Grain: one row per followed region that is overdue.
with followed as (
    select distinct region_code from stg_sources where enabled and region_code is not null
),

settings as (
    select
        cast(max(value) filter (where name = 'release_cadence_months') as integer) as cadence_months,
        cast(max(value) filter (where name = 'release_lag_days') as integer) as lag_days
    from ref_settings
),

newest as (
    select facts.region_code, max(periods.end_date) as newest_period_end
    from fact_retail as facts
    inner join dim_period as periods using (period_code)
    where not facts.is_derived and periods.period_kind <> 'event'
    group by facts.region_code
),

final as (
    select
        followed.region_code,
        newest.newest_period_end,
        cast(
            newest.newest_period_end
            + to_months(settings.cadence_months)
            + to_days(settings.lag_days) as date
        ) as next_release_expected_by,
        current_date - cast(
            newest.newest_period_end + to_months(settings.cadence_months) + to_days(settings.lag_days) as date
        ) as days_overdue
    from followed
    cross join settings
    left join newest using (region_code)
    where newest.newest_period_end is null
        or current_date
        > newest.newest_period_end + to_months(settings.cadence_months) + to_days(settings.lag_days)
)

select * from final
