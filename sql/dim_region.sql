-- Grain: one row per region in the gazetteer (the nation, provinces, prefectures).
with regions as (
    select * from ref_regions
),

final as (
    select
        region_code,
        region_name,
        full_name,
        name_zh,
        level,
        parent_code
    from regions
)

select * from final
order by region_code
