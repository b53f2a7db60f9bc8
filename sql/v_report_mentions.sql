-- Grain: one row per place where a report names a category or a place, with or without a figure.
with mentions as (
    select * from stg_mentions
),

reports as (
    select * from dim_report
),

segments as (
    select * from dim_segment
),

regions as (
    select * from dim_region
),

final as (
    select
        reports.title as report_title,
        mentions.mention_kind,
        mentions.code,
        coalesce(segments.segment_name, regions.region_name) as name,
        coalesce(segments.parent_code, regions.parent_code) as parent_code,
        mentions.text as as_written,
        mentions.evidence,
        mentions.report_id,
        mentions.mention_start
    from mentions
    inner join reports using (report_id)
    left join segments
        on mentions.mention_kind = 'segment' and segments.segment_code = mentions.code
    left join regions
        on mentions.mention_kind = 'region' and regions.region_code = mentions.code
)

select * from final
order by report_id, mention_start
