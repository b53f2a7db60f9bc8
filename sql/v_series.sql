-- Grain: one row per region × segment × period × metric: the value a careful analyst would cite,
-- with how many reports state it, whether they agree, and the others.
-- The rule, in order: a stated fact over a derived one; an official release (a government
-- department or statistics bureau) over a news article that repeats it; the later report (a
-- source's revision replaces its earlier figure); then the report loaded first.
with facts as (
    select * from fact_retail
),

reports as (
    select
        *,
        -- official: a government site, or a source named as a department, bureau or ministry
        coalesce(regexp_matches(url, '^https?://[^/]*\.gov\.cn(/|$)'), false)
        or coalesce(
            regexp_matches(
                source,
                '(?i)ministry|department|bureau|commission|government|statistics|商务厅|商务局|商务部|统计局|政府|发改委'
            ),
            false
        ) as is_official
    from dim_report
),

regions as (
    select * from dim_region
),

segments as (
    select * from dim_segment
),

metrics as (
    select * from dim_metric
),

ranked as (
    select
        facts.*,
        reports.title as report_title,
        reports.report_date,
        reports.source,
        reports.path,
        reports.is_official,
        row_number() over (
            partition by facts.region_code, facts.segment_code, facts.period_code, facts.metric_code
            order by
                facts.is_derived,
                reports.is_official desc,
                reports.report_date desc nulls last,
                reports.loaded_at,
                facts.fact_id
        ) as rank
    from facts
    inner join reports using (report_id)
),

chosen as (
    select * from ranked where rank = 1
),

others as (
    select
        chosen.fact_id,
        count(distinct other.report_id) filter (where not other.is_derived) as other_reports_stating,
        count(distinct other.report_id) filter (where other.is_derived) as other_reports_deriving,
        -- rounding-aware: every other figure's interval meets the chosen one's
        coalesce(bool_and(abs(other.value - chosen.value) <= other.half_unit + chosen.half_unit + 1e-9), true)
            as others_agree,
        list(
            {
                'value': other.value,
                'is_derived': other.is_derived,
                'report_id': other.report_id,
                'source': other.source,
                'report_date': other.report_date
            }
            order by other.rank
        ) filter (where other.fact_id is not null) as other_figures
    from chosen
    left join ranked as other
        on other.region_code = chosen.region_code
        and other.segment_code = chosen.segment_code
        and other.period_code = chosen.period_code
        and other.metric_code = chosen.metric_code
        and other.rank > 1
    group by chosen.fact_id
),

final as (
    select
        regions.region_name as region,
        regions.name_zh as region_zh,
        segments.segment_name as segment,
        segments.name_zh as segment_zh,
        chosen.period_code as period,
        metrics.metric_name as metric,
        chosen.value,
        chosen.unit,
        chosen.is_derived,
        chosen.derivation,
        (not chosen.is_derived)::integer + others.other_reports_stating as reports_stating,
        chosen.is_derived::integer + others.other_reports_deriving as reports_deriving,
        others.others_agree as reports_agree,
        chosen.report_title,
        chosen.report_date,
        chosen.source,
        chosen.is_official,
        chosen.evidence,
        coalesce(others.other_figures, []) as other_figures,
        chosen.region_code,
        chosen.segment_code,
        chosen.metric_code,
        chosen.report_id,
        chosen.fact_id
    from chosen
    inner join others using (fact_id)
    left join regions on regions.region_code = chosen.region_code
    left join segments on segments.segment_code = chosen.segment_code
    left join metrics on metrics.metric_code = chosen.metric_code
)

select * from final
order by region_code, segment_code, period, metric_code
