-- Grain: one row per segment of online retail, with its place in the hierarchy.
with recursive segments as (
    select * from ref_segments
),

tree as (
    select
        segment_code,
        segment_name as path
    from segments
    where parent_code is null
    union all
    select
        child.segment_code,
        tree.path || ' > ' || child.segment_name
    from segments as child
    inner join tree on child.parent_code = tree.segment_code
),

final as (
    select
        segments.segment_code,
        segments.segment_name,
        segments.full_name,
        segments.name_zh,
        segments.parent_code,
        cast(segments.level as integer) as level,
        segments.kind,
        segments.partitions_parent = 'true' as partitions_parent,
        segments.channel,
        tree.path
    from segments
    inner join tree using (segment_code)
)

select * from final
order by path
