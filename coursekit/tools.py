"""Chapter 3 (Tools): charts of multinational exercises."""
from __future__ import annotations

import re

import altair as alt
import pandas as pd

from .charts import describe

DOMAIN_ORDER = ["maritime", "land", "air", "joint", "cyber", "humanitarian"]
SOURCE = "Course dataset data/exercises.csv (official exercise pages and defence-ministry releases; each row names its source)"


def short_label(name: str) -> str:
    """'Rim of the Pacific Exercise (RIMPAC)' -> 'RIMPAC'; 'Zapad (Russia-Belarus ...)' -> 'Zapad'."""
    acronym = re.search(r"\(([A-Z]{2,10})\)", name)
    return acronym.group(1) if acronym else name.split(" (")[0]


def exercise_timeline_chart(exercises: pd.DataFrame) -> alt.LayerChart:
    """Each series from its first to its latest verified edition, coloured by domain; a region menu highlights."""
    frame = exercises[["name", "first_year", "latest_year", "domain", "region", "frequency", "lead"]].copy()
    frame["first_year"] = frame["first_year"].astype(int)
    frame["latest_year"] = frame["latest_year"].fillna(frame["first_year"]).astype(int)
    frame["series"] = frame["name"].map(short_label)
    order = frame.sort_values(["first_year", "series"])["series"].tolist()
    regions = sorted(frame["region"].unique())
    pick = alt.param(name="region", value="all regions",
                     bind=alt.binding_select(options=["all regions", *regions], name="Region "))
    shown = "region == 'all regions' || datum.region == region"
    domains = [d for d in DOMAIN_ORDER if d in set(frame["domain"])]
    colour = alt.condition(shown, alt.Color("domain:N", sort=domains, title="Domain",
                                            legend=alt.Legend(orient="bottom", columns=3)), alt.value("#e0e0e0"))
    tooltip = [alt.Tooltip("name:N", title="Exercise"), alt.Tooltip("first_year:Q", title="First held", format="d"),
               alt.Tooltip("latest_year:Q", title="Latest verified", format="d"), alt.Tooltip("region:N", title="Region"),
               alt.Tooltip("frequency:N", title="Held"), alt.Tooltip("lead:N", title="Lead")]
    x = alt.X("first_year:Q", title="Year", axis=alt.Axis(format="d"), scale=alt.Scale(domain=[1965, 2030]))
    y = alt.Y("series:N", sort=order, title=None)
    span = alt.Chart(frame).mark_rule(strokeWidth=3).encode(x=x, x2="latest_year:Q", y=y, color=colour,
                                                             tooltip=tooltip).add_params(pick)
    start = alt.Chart(frame).mark_circle(size=90, opacity=1).encode(x=x, y=y, color=colour, tooltip=tooltip)
    chart = alt.layer(span, start).properties(
        width="container", height=18 * len(frame),
        title=alt.Title("When today's exercise series began",
                        subtitle="Each line runs from the first edition (circle) to the latest verified one; "
                                 "pick a region to highlight it"))
    by_decade = (frame["first_year"] // 10 * 10).value_counts().sort_index()
    busiest = by_decade.idxmax()
    return describe(chart, source=SOURCE, description=(
        f"A timeline of {len(frame)} multinational exercise series, one row each, from the year of the first "
        f"edition ({frame['first_year'].min()} to {frame['first_year'].max()}) to the latest verified edition, "
        f"coloured by domain. More series in the data began in the {busiest}s than in any other decade. "
        "A region menu greys out the other regions."))


def participation_chart(exercises: pd.DataFrame, threshold: int = 20) -> alt.LayerChart:
    """Participating states in each series' latest verified edition; a slider sets a threshold."""
    frame = exercises.dropna(subset=["latest_participants"])[
        ["name", "latest_year", "latest_participants", "domain", "participants_note"]].copy()
    frame["latest_participants"] = frame["latest_participants"].astype(int)
    frame["label"] = frame["name"].map(short_label) + " " + frame["latest_year"].astype(str)
    order = frame.sort_values("latest_participants", ascending=False)["label"].tolist()
    top = int(frame["latest_participants"].max())
    level = alt.param(name="at_least", value=threshold,
                      bind=alt.binding_range(min=1, max=top, step=1, name="At least this many states "))
    bars = alt.Chart(frame).mark_bar().encode(
        y=alt.Y("label:N", sort=order, title=None),
        x=alt.X("latest_participants:Q", title="Participating states (observers not counted)"),
        color=alt.condition("datum.latest_participants >= at_least", alt.value("#009E73"), alt.value("#d9d9d9")),
        tooltip=[alt.Tooltip("label:N", title="Edition"), alt.Tooltip("latest_participants:Q", title="States"),
                 alt.Tooltip("participants_note:N", title="What was counted")],
    ).add_params(level)
    rule = alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(color="#222", strokeDash=[4, 3]).encode(
        x="threshold:Q").transform_calculate(threshold="at_least")
    count_text = alt.Chart(frame).transform_filter("datum.latest_participants >= at_least").transform_aggregate(
        n="count()").transform_calculate(text="datum.n + ' editions had at least ' + at_least + ' states'").mark_text(
        align="right", baseline="bottom", x="width", y=-6, fontSize=12, color="#222").encode(text="text:N")
    chart = alt.layer(bars, rule, count_text).properties(
        width="container", height=18 * len(frame),
        title=alt.Title("How many states took part in the latest editions?",
                        subtitle="Move the slider to set a threshold; green bars reach it"))
    missing = exercises["latest_participants"].isna().sum()
    return describe(chart, source=SOURCE, description=(
        f"A bar chart of the number of participating states in the latest verified edition of {len(frame)} exercise "
        f"series, from {frame['latest_participants'].min()} to {top}. {missing} series have no reliable count and "
        "are left out. A slider sets a threshold; bars at or above it are green and a label counts them."))
