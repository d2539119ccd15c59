"""Chapter 1 (History): membership counts and the chapter's two interactive charts."""
from __future__ import annotations

import altair as alt
import pandas as pd

from .charts import describe

CURRENT_YEAR = 2026
TIMELINE_START = 1875  # earlier frameworks (the 1373 Anglo-Portuguese alliance) run off the left edge


def members_in_year(members: pd.DataFrame, year: int) -> pd.DataFrame:
    """Membership spells active in ``year``: joined in or before it, not yet left by its start."""
    left = members["left_year"].astype("Float64").fillna(float("inf"))
    return members[(members["joined_year"] <= year) & (left > year)]


def membership_counts(members: pd.DataFrame, first_year: int, last_year: int = CURRENT_YEAR) -> pd.DataFrame:
    """Number of members of every alliance in every year (only years with at least one member)."""
    rows = []
    for year in range(first_year, last_year + 1):
        counts = members_in_year(members, year).groupby("alliance_id").size()
        rows += [{"alliance_id": a, "year": year, "members": int(n)} for a, n in counts.items()]
    return pd.DataFrame(rows, columns=["alliance_id", "year", "members"])


def _in_force_expression(year_param: str) -> str:
    return f"datum.start_year <= {year_param} && (!isValid(datum.end_year) || datum.end_year > {year_param})"


def timeline_chart(alliances: pd.DataFrame, members: pd.DataFrame, start_year: int = 1955) -> alt.LayerChart:
    """Every framework as a bar from start to end; a year slider lights up those in force."""
    frame = alliances.assign(
        end_shown=alliances["end_year"].fillna(CURRENT_YEAR).astype(int),
        start_year=alliances["start_year"].astype(int),
        end_year=alliances["end_year"].astype("Float64"),
        status=alliances["end_year"].map(lambda y: "still in force" if pd.isna(y) else f"ended {int(y)}"),
    )[["alliance_id", "short_name", "name", "type", "start_year", "end_year", "end_shown", "status"]]
    counts = membership_counts(members, TIMELINE_START).merge(
        frame[["alliance_id", "short_name", "end_shown"]], on="alliance_id")
    order = frame.sort_values("start_year")["short_name"].tolist()

    year = alt.param(name="year", value=start_year,
                     bind=alt.binding_range(min=TIMELINE_START, max=CURRENT_YEAR, step=1, name="Year "))
    x_scale = alt.Scale(domain=[TIMELINE_START, CURRENT_YEAR], clamp=True)
    y = alt.Y("short_name:N", sort=order, title=None)
    in_force = _in_force_expression("year")  # a Vega expression string works as a condition test

    bars = alt.Chart(frame).mark_bar(height=11, clip=True).encode(
        x=alt.X("start_year:Q", scale=x_scale, title="Year", axis=alt.Axis(format="d")),
        x2="end_shown:Q",
        y=y,
        color=alt.condition(in_force, alt.Color("type:N", title="Type of framework",
                                                 legend=alt.Legend(orient="bottom", columns=3, labelLimit=240)),
                            alt.value("#d9d9d9")),
        tooltip=[alt.Tooltip("name:N", title="Name"), alt.Tooltip("type:N", title="Type"),
                 alt.Tooltip("start_year:Q", title="Began", format="d"), alt.Tooltip("status:N", title="Status")],
    ).add_params(year)
    rule = alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(color="#222", strokeDash=[4, 3]).encode(
        x=alt.X("x_year:Q", scale=x_scale)).transform_calculate(x_year="year")
    labels = alt.Chart(counts).mark_text(align="left", dx=4, fontSize=11, color="#222").encode(
        x=alt.X("end_shown:Q", scale=x_scale), y=y,
        text=alt.Text("label:N"),
    ).transform_filter("datum.year == year").transform_calculate(
        label="datum.members + (datum.members == 1 ? ' member' : ' members')")

    chart = alt.layer(bars, rule, labels).properties(
        width="container", height=16 * len(frame),
        title=alt.Title("Which alliances were in force?",
                        subtitle="Move the slider; coloured bars were in force that year, labels count their members"),
    )
    return describe(
        chart,
        source="Course dataset data/alliances.csv and data/alliance_members.csv (treaty texts, nato.int, "
               "US Office of the Historian; each row names its source)",
        description=(f"A timeline of {len(frame)} alliances, treaties and coalitions from the 1373 "
                     "Anglo-Portuguese alliance to the Global Coalition against Daesh, one horizontal bar each "
                     "from the year it began to the year it ended or to today. A year slider colours the "
                     "frameworks in force in the chosen year by type and shows how many members each had."),
    )


def membership_chart(members: pd.DataFrame, alliances: pd.DataFrame, choices: list[str],
                     start: str = "nato") -> alt.LayerChart:
    """Members per year for one alliance at a time, picked from a dropdown."""
    names = alliances.set_index("alliance_id")["short_name"]
    first = int(members[members["alliance_id"].isin(choices)]["joined_year"].min())
    counts = membership_counts(members[members["alliance_id"].isin(choices)], first)
    counts["alliance"] = counts["alliance_id"].map(names)
    joins = (members[members["alliance_id"].isin(choices)]
             .groupby(["alliance_id", "joined_year"])["country_name"]
             .agg(lambda s: ", ".join(sorted(s))).reset_index()
             .rename(columns={"joined_year": "year", "country_name": "joined"}))
    counts = counts.merge(joins, on=["alliance_id", "year"], how="left").fillna({"joined": ""})

    labels = [names[c] for c in choices]
    pick = alt.param(name="alliance", value=names[start],
                     bind=alt.binding_select(options=labels, name="Alliance "))
    base = alt.Chart(counts).transform_filter("datum.alliance == alliance").encode(
        x=alt.X("year:Q", title="Year", axis=alt.Axis(format="d"), scale=alt.Scale(zero=False)),
        y=alt.Y("members:Q", title="Number of members", scale=alt.Scale(zero=True)),
    )
    line = base.mark_line(interpolate="step-after", strokeWidth=2.5).add_params(pick)
    joins_layer = base.mark_point(filled=True, size=70, color="#D55E00").transform_filter(
        "datum.joined != ''").encode(tooltip=[alt.Tooltip("year:Q", format="d", title="Year"),
                                              alt.Tooltip("joined:N", title="Joined"),
                                              alt.Tooltip("members:Q", title="Members after")])
    chart = alt.layer(line, joins_layer).properties(
        width="container", height=280,
        title=alt.Title("How alliances grew and shrank",
                        subtitle="Pick an alliance; points mark years in which states joined (hover for names)"),
    )
    return describe(
        chart,
        source="Course dataset data/alliance_members.csv (accession dates from nato.int and treaty depositaries; "
               "each row names its source)",
        description=(f"A step line of the number of member states per year for the alliance chosen in the "
                     f"dropdown ({', '.join(labels)}). {_growth_sentence(counts, names[start])}"),
    )


def _growth_sentence(counts: pd.DataFrame, alliance: str) -> str:
    """A sentence summarising one alliance's growth, computed from the data it describes."""
    rows = counts[counts["alliance"] == alliance].sort_values("year")
    growth_years = rows.loc[rows["members"].diff() > 0, "year"].tolist()
    first, last = rows.iloc[0], rows.iloc[-1]
    grew = f", growing in {', '.join(map(str, growth_years))}" if growth_years else ""
    return (f"The chart opens on {alliance}: {first['members']} members in {first['year']}{grew}, "
            f"and {last['members']} in {last['year']}.")
