-- Grain: one row per report × region × segment × period × metric.
-- Stated facts come from the report's text (origin 'text') or a hand correction (origin
-- 'correction', with its note); derived facts follow from two stated ones (is_derived, origin
-- 'derived', with the arithmetic in derivation and the inputs' fact ids in derived_from).
with observations as (
    select * from stg_observations
),

nation as (
    select region_code from dim_region where level = 'nation'
),

stated as (
    select
        md5(concat_ws('|', report_id, region_code, segment_code, period_code, metric_code)) as fact_id,
        report_id,
        region_code,
        segment_code,
        period_code,
        metric_code,
        value,
        half_unit,
        unit,
        qualifier,
        conversion,
        evidence,
        evidence_start,
        evidence_end,
        false as is_derived,
        cast(null as varchar) as derivation,
        cast([] as varchar []) as derived_from,
        origin,
        note
    from observations
),

growth as (
    select * from stated where metric_code = 'yoy_growth_pct'
),

national_gaps as (
    select * from stated where metric_code = 'gap_vs_national_pp'
),

-- "12 percent, 3 points above the national average" implies national growth of 12 - 3 = 9.
national_growth_from_gaps as (
    select
        gap.report_id,
        nation.region_code,
        gap.segment_code,
        gap.period_code,
        'yoy_growth_pct' as metric_code,
        round(regional.value - gap.value, 6) as value,
        regional.half_unit + gap.half_unit as half_unit,
        'percent' as unit,
        cast(null as varchar) as qualifier,
        cast(null as varchar) as conversion,
        gap.evidence,
        gap.evidence_start,
        gap.evidence_end,
        true as is_derived,
        format(
            '{} − {} = {}: regional growth minus its gap to the national average',
            regional.value, gap.value, round(regional.value - gap.value, 6)
        ) as derivation,
        [regional.fact_id, gap.fact_id] as derived_from,
        'derived' as origin,
        cast(null as varchar) as note
    from national_gaps as gap
    inner join growth as regional
        on regional.report_id = gap.report_id
        and regional.region_code = gap.region_code
        and regional.segment_code = gap.segment_code
        and regional.period_code = gap.period_code
    cross join nation
    where gap.region_code <> nation.region_code
),

shares as (
    select * from stated where metric_code = 'share_pct'
),

share_changes as (
    select * from stated where metric_code = 'share_change_pp'
),

-- "47 percent, up 1.7 points from last year" implies last year's share of 47 - 1.7 = 45.3.
prior_year_shares as (
    select
        change.report_id,
        change.region_code,
        change.segment_code,
        cast(cast(left(change.period_code, 4) as integer) - 1 as varchar)
        || substr(change.period_code, 5) as period_code,
        'share_pct' as metric_code,
        round(share.value - change.value, 6) as value,
        share.half_unit + change.half_unit as half_unit,
        share.unit,
        cast(null as varchar) as qualifier,
        cast(null as varchar) as conversion,
        change.evidence,
        change.evidence_start,
        change.evidence_end,
        true as is_derived,
        format(
            '{} − {} = {}: this year''s share minus its change from a year earlier',
            share.value, change.value, round(share.value - change.value, 6)
        ) as derivation,
        [share.fact_id, change.fact_id] as derived_from,
        'derived' as origin,
        cast(null as varchar) as note
    from share_changes as change
    inner join shares as share
        on share.report_id = change.report_id
        and share.region_code = change.region_code
        and share.segment_code = change.segment_code
        and share.period_code = change.period_code
),

derived as (
    select * from national_growth_from_gaps
    union all
    select * from prior_year_shares
),

-- One derived fact per report × region × segment × period × metric: when a report gives two
-- regions' gaps to the national average, the national growth is derived from the first it states
-- (an audit shows the derivations that disagree beyond rounding).
first_derived as (
    select *
    from derived
    qualify row_number() over (
        partition by report_id, region_code, segment_code, period_code, metric_code
        order by evidence_start, derived_from[1]
    ) = 1
),

-- A derived fact never replaces one the same report states.
new_derived as (
    select first_derived.*
    from first_derived
    anti join stated using (report_id, region_code, segment_code, period_code, metric_code)
),

final as (
    select * from stated
    union all by name
    select
        md5(concat_ws('|', report_id, region_code, segment_code, period_code, metric_code)) as fact_id,
        *
    from new_derived
)

select * from final
order by report_id, is_derived, evidence_start, metric_code
