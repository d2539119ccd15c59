"""Chapter 2 (Frameworks): who belongs to which framework today, and what each framework obliges."""
from __future__ import annotations

import altair as alt
import pandas as pd

from .charts import describe
from .countries import country_name

COMMITMENT_ORDER = ["defence", "offence", "neutrality", "non-aggression", "consultation",
                    "mutual assistance", "integrated command", "intelligence sharing", "basing"]


def current_memberships(members: pd.DataFrame, alliances: pd.DataFrame) -> pd.DataFrame:
    """Membership spells still running, in frameworks still in force."""
    in_force = alliances.loc[alliances["end_year"].isna(), "alliance_id"]
    return members[members["left_year"].isna() & members["alliance_id"].isin(in_force)]


def frameworks_per_country(members: pd.DataFrame, alliances: pd.DataFrame) -> pd.Series:
    """How many frameworks in force each state belongs to, most first."""
    current = current_memberships(members, alliances)
    return current.groupby("country_code")["alliance_id"].nunique().sort_values(ascending=False, kind="stable")


def overlap_chart(members: pd.DataFrame, alliances: pd.DataFrame, start: str = "GBR") -> alt.LayerChart:
    """Frameworks in force by size; a country menu marks the ones the chosen state belongs to."""
    current = current_memberships(members, alliances)
    names = alliances.set_index("alliance_id")["short_name"]
    per_framework = (current.groupby("alliance_id")["country_code"]
                     .agg(count="nunique", roster=lambda s: "|" + "|".join(sorted(set(s))) + "|")
                     .reset_index())
    per_framework["framework"] = per_framework["alliance_id"].map(names)
    codes = sorted(current["country_code"].unique(), key=lambda c: country_name(c))
    labels = [f"{country_name(c)} ({c})" for c in codes]

    chosen = alt.param(name="country", value=f"{country_name(start)} ({start})",
                       bind=alt.binding_select(options=labels, name="Country "))
    is_member = "indexof(datum.roster, '|' + slice(country, -4, -1) + '|') >= 0"
    order = per_framework.sort_values(["count", "framework"], ascending=[False, True])["framework"].tolist()
    base = alt.Chart(per_framework).encode(
        y=alt.Y("framework:N", sort=order, title=None),
        # headroom on the right so the 'member' label of the largest framework is not cut off
        x=alt.X("count:Q", title="Member states today", scale=alt.Scale(domain=[0, per_framework["count"].max() + 5])),
    )
    bars = base.mark_bar().encode(
        color=alt.condition(is_member, alt.value("#0072B2"), alt.value("#d9d9d9")),
        tooltip=[alt.Tooltip("framework:N", title="Framework"), alt.Tooltip("count:Q", title="Members")],
    ).add_params(chosen)
    marks = base.mark_text(align="left", dx=4, fontSize=11, color="#222").encode(
        text=alt.Text("member_label:N")).transform_calculate(
        member_label=f"({is_member}) ? 'member' : ''")
    chart = alt.layer(bars, marks).properties(
        width="container", height=18 * len(per_framework),
        title=alt.Title("Which frameworks does a state belong to?",
                        subtitle="Frameworks in force by number of members; pick a state to mark its memberships"))
    top = frameworks_per_country(members, alliances)
    leaders = ", ".join(f"{country_name(c)} ({n})" for c, n in top.head(3).items())
    return describe(
        chart,
        source="Course datasets data/alliances.csv and data/alliance_members.csv (the organisations' own "
               "sites and treaty depositaries; each row names its source)",
        description=(f"A horizontal bar chart of the {len(per_framework)} frameworks in force in the course data, "
                     f"sorted by number of member states. A country menu marks in blue, and labels 'member', "
                     f"the frameworks the chosen state belongs to. The states in the most frameworks are {leaders}."),
    )


def commitments_chart(commitments: pd.DataFrame, alliances: pd.DataFrame) -> alt.Chart:
    """A matrix of frameworks by kinds of obligation; a menu highlights one kind."""
    labelled = alliances.assign(label=alliances["short_name"].where(
        alliances["end_year"].isna(), alliances["short_name"] + " (ended)"))
    names = labelled.set_index("alliance_id")["label"]
    cells = (commitments.groupby(["alliance_id", "commitment"])["article"]
             .agg(lambda s: "; ".join(s)).reset_index())
    cells["framework"] = cells["alliance_id"].map(names)
    present = [c for c in COMMITMENT_ORDER if c in set(cells["commitment"])]
    pick = alt.param(name="commitment", value="all kinds",
                     bind=alt.binding_select(options=["all kinds", *present], name="Highlight "))
    highlighted = "commitment == 'all kinds' || datum.commitment == commitment"
    chart = alt.Chart(cells).mark_rect(stroke="white", strokeWidth=1.5).encode(
        x=alt.X("commitment:N", sort=present, title="Kind of obligation", axis=alt.Axis(labelAngle=-35)),
        y=alt.Y("framework:N", sort=alt.EncodingSortField("framework"), title=None),
        color=alt.condition(highlighted, alt.value("#0072B2"), alt.value("#e3e3e3")),
        tooltip=[alt.Tooltip("framework:N", title="Framework"), alt.Tooltip("commitment:N", title="Obligation"),
                 alt.Tooltip("article:N", title="Where it is written")],
    ).add_params(pick).properties(
        width="container", height=20 * cells["framework"].nunique(),
        title=alt.Title("What each framework obliges its members to do",
                        subtitle="A filled cell means the treaty carries that obligation; hover for the article"))
    counts = cells["commitment"].value_counts()
    return describe(
        chart,
        source="Course dataset data/commitments.csv (treaty texts; each row names its article and source)",
        description=(f"A matrix with {cells['framework'].nunique()} frameworks as rows and kinds of obligation as "
                     f"columns; a filled cell means the framework's founding text carries that obligation. "
                     f"Defence pledges appear in {counts.get('defence', 0)} frameworks and consultation clauses "
                     f"in {counts.get('consultation', 0)}. A menu highlights one kind of obligation."),
    )
