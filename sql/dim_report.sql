-- Grain: one row per loaded report file.
with reports as (
    select * from stg_reports
),

observations as (
    select report_id, count(*) as observation_count
    from stg_observations
    group by report_id
),

-- how a fetched report's content was first served (reports dropped in by hand have no fetch)
fetches as (
    select
        path,
        sha256,
        arg_min(source, fetched_at) as fetched_from,
        arg_min(url, fetched_at) as url,
        arg_min(final_url, fetched_at) as final_url,
        min(fetched_at) as fetched_at,
        arg_min(etag, fetched_at) as etag,
        arg_min(last_modified, fetched_at) as last_modified,
        arg_min(published, fetched_at) as published_date
    from stg_fetches
    where status = 200
    group by path, sha256
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
        fetches.fetched_from,
        fetches.url,
        fetches.final_url,
        fetches.fetched_at,
        fetches.etag,
        fetches.last_modified,
        fetches.published_date,
        coalesce(observations.observation_count, 0) as observation_count
    from reports
    left join observations using (report_id)
    left join fetches using (path, sha256)
)

select * from final
order by report_date, report_id
