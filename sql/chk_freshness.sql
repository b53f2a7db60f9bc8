-- Audit: the newest report is older than the configured age (settings: max_report_age_days).
with reports as (
    select max(report_date) as newest_report_date from dim_report
),

settings as (
    select cast(value as integer) as max_report_age_days
    from ref_settings
    where name = 'max_report_age_days'
),

final as (
    select
        reports.newest_report_date,
        current_date - reports.newest_report_date as age_days,
        settings.max_report_age_days
    from reports
    cross join settings
    where reports.newest_report_date < current_date - settings.max_report_age_days
)

select * from final
