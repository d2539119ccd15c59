"""The chart theme and the offline renderer."""
import re

import altair as alt
import pandas as pd
import pytest
import vl_convert

from coursekit import load_table
from coursekit.charts import ChartMetadataError, PALETTE, chart_html, describe
from coursekit.frameworks import commitments_chart, frameworks_per_country, overlap_chart
from coursekit.history import membership_chart, timeline_chart
from coursekit.tools import exercise_timeline_chart, participation_chart

SMALL = pd.DataFrame({"x": [1, 2, 3], "y": [3, 1, 2]})


def bundle_of(chart) -> dict:
    result = chart._repr_mimebundle_()
    return result[0] if isinstance(result, tuple) else result


def small_chart():
    return describe(alt.Chart(SMALL).mark_line().encode(x="x:Q", y="y:Q").properties(title="A test chart"),
                    source="Test data", description="Three points joined by a line.")


def test_the_course_theme_is_active_and_colour_blind_safe():
    spec = small_chart().to_dict()
    assert spec["config"]["range"]["category"] == PALETTE
    assert PALETTE[:3] == ["#0072B2", "#E69F00", "#009E73"]  # Okabe & Ito


def test_book_charts_rely_on_the_page_bundle_and_load_nothing_remote(book_mode):
    html = bundle_of(small_chart())["text/html"]
    assert "vegaEmbed(" in html and "window.vegaEmbed = " not in html
    assert len(html) < 20_000
    assert not re.search(r"(src|href)=\"https?://", html)
    assert "Source: Test data" in html and "Three points joined by a line." in html


def test_notebook_charts_carry_their_own_bundle(lab_mode):
    html = bundle_of(small_chart())["text/html"]
    assert "if (!window.vegaEmbed)" in html and len(html) > 500_000
    assert "cdn.jsdelivr" not in html and "unpkg.com" not in html


def test_a_chart_without_source_or_description_is_refused():
    bare = alt.Chart(SMALL).mark_point().encode(x="x:Q", y="y:Q").properties(title="Bare")
    with pytest.raises(ChartMetadataError, match="no source, no description"):
        chart_html(bare.to_dict(), inline_bundle=False)


def test_two_charts_on_one_page_get_distinct_ids(book_mode):
    first, second = (chart_html(small_chart().to_dict(), inline_bundle=False) for _ in range(2))
    ids = [re.search(r'id="(coursekit-chart-[^"]+)"', h).group(1) for h in (first, second)]
    assert ids[0] != ids[1]


@pytest.fixture(scope="module")
def course_charts():
    alliances, members = load_table("alliances"), load_table("alliance_members")
    return {
        "timeline": timeline_chart(alliances, members),
        "membership": membership_chart(members, alliances, ["nato", "warsaw_pact", "seato", "cento"]),
        "overlap": overlap_chart(members, alliances),
        "commitments": commitments_chart(load_table("commitments"), alliances),
        "exercise_timeline": exercise_timeline_chart(load_table("exercises")),
        "participation": participation_chart(load_table("exercises")),
    }


@pytest.mark.parametrize("name,bind_kind", [("timeline", "range"), ("membership", "select"),
                                            ("overlap", "select"), ("commitments", "select"),
                                            ("exercise_timeline", "select"), ("participation", "range")])
def test_course_charts_have_a_bound_control_and_compile(course_charts, name, bind_kind):
    spec = course_charts[name].to_dict()
    params = [p for layer in spec.get("layer", []) for p in layer.get("params", [])] + spec.get("params", [])
    assert any(p.get("bind", {}).get("input") == bind_kind for p in params)
    svg = vl_convert.vegalite_to_svg(spec)  # the spec is valid Vega-Lite and draws
    assert svg.startswith("<svg") and "<path" in svg


def test_membership_chart_description_is_computed_from_the_data(course_charts):
    description = course_charts["membership"].to_dict()["description"]
    assert "NATO: 12 members in 1949" in description and "32 in 2026" in description


def test_frameworks_per_country_counts_only_current_memberships():
    alliances, members = load_table("alliances"), load_table("alliance_members")
    counts = frameworks_per_country(members, alliances)
    assert counts.index[0] == "USA"
    assert "SUN" not in counts.index  # the Soviet Union's memberships all ended
    nato_only = members[(members["alliance_id"] == "nato")]
    assert counts.loc["ISL"] == nato_only["country_code"].eq("ISL").sum()  # Iceland: NATO alone


def test_participation_chart_leaves_out_uncounted_editions_and_says_so(course_charts):
    exercises = load_table("exercises")
    missing = int(exercises["latest_participants"].isna().sum())
    spec = course_charts["participation"].to_dict()
    assert f"{missing} series have no reliable count" in spec["description"]
