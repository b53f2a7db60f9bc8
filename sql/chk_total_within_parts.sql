-- Audit: a segment's growth outside the range of the growth of the parts that make it up
-- (total online retail = physical goods + services, so its growth lies between theirs),
-- allowing for rounding. Checked where a report states the growth of at least two parts.
with growth as (
    select * from fact_retail where metric_code = 'yoy_growth_pct'
),

parts as (
    select segment_code, parent_code from dim_segment where partitions_parent
),

part_growth as (
    select
        growth.report_id,
        growth.region_code,
        growth.period_code,
        parts.parent_code as segment_code,
        min(growth.value - growth.half_unit) as lowest_part_pct,
        max(growth.value + growth.half_unit) as highest_part_pct,
        count(*) as part_count
    from growth
    inner join parts using (segment_code)
    group by all
),

final as (
    select
        whole.report_id,
        whole.region_code,
        whole.segment_code,
        whole.period_code,
        whole.value as growth_pct,
        part_growth.lowest_part_pct,
        part_growth.highest_part_pct,
        whole.evidence
    from growth as whole
    inner join part_growth using (report_id, region_code, segment_code, period_code)
    where part_growth.part_count >= 2
        and (
            whole.value + whole.half_unit < part_growth.lowest_part_pct
            or whole.value - whole.half_unit > part_growth.highest_part_pct
        )
)

select * from final
