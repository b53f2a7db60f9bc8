-- Audit: shares of one whole (a segment's disjoint parts — physical goods and services, or named
-- categories — in one report, region and period) that add up to more than 100 percent, or, where
-- they cover every part of the whole, to other than 100, beyond what the rounding of the shares
-- allows. Overlapping cuts (live-streaming, rural) are not parts.
with shares as (
    select * from fact_retail where metric_code = 'share_pct' and not is_derived
),

segments as (
    select * from dim_segment
),

parts_per_whole as (
    select parent_code as whole_code, count(*) as part_count
    from segments
    where partitions_parent
    group by all
),

by_whole as (
    select
        shares.report_id,
        shares.region_code,
        shares.period_code,
        segments.parent_code as whole_code,
        sum(shares.value) as share_sum,
        sum(shares.half_unit) as rounding_tolerance,
        count(*) as share_count,
        count(*) filter (where segments.partitions_parent) as part_shares,
        string_agg(shares.segment_code, ', ' order by shares.segment_code) as segments
    from shares
    inner join segments using (segment_code)
    where segments.parent_code is not null and (segments.partitions_parent or segments.kind = 'category')
    group by all
),

final as (
    select by_whole.*
    from by_whole
    left join parts_per_whole using (whole_code)
    where by_whole.share_sum - by_whole.rounding_tolerance > 100 + 1e-9
        or (
            by_whole.part_shares = parts_per_whole.part_count
            and by_whole.share_count = by_whole.part_shares
            and abs(by_whole.share_sum - 100) > by_whole.rounding_tolerance + 1e-9
        )
)

select * from final
