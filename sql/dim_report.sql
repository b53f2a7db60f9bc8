-- Grain: one row per loaded report file.
with reports as (
    select * from stg_reports
),

observations as (
    select report_id, count(*) as observation_count
    from stg_observations
    group by report_id
),

final as (
    select
        reports.report_id,
        reports.title,
        reports.source,
        reports.report_date,
        -- where the date was read: metadata, text, dateline or file_name; null when unknown
        reports.report_date_source,
        reports.region_code,
        reports.path,
        reports.sha256,
        reports.size_bytes,
        reports.loaded_at,
        coalesce(observations.observation_count, 0) as observation_count
    from reports
    left join observations using (report_id)
)

select * from final
order by report_date, report_id
