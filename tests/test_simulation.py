"""The capstone simulation: plans play end to end, red lines and impossible choices are refused clearly."""
import html
import json

import pytest
import vl_convert

from coursekit.simulation import (COMMANDS, DIMENSIONS, MANDATES, Plan, load_results, play, problems, results_frame,
                                  roles, save_result, score)
from coursekit.simulation_ui import SimulationConsole, debrief_chart, parse_shares

UN, REGIONAL, ALLIANCE, WILLING = MANDATES
INTEGRATED, CAVEATS, PARALLEL = COMMANDS


def plan(**changes):
    base = dict(scenario="marnet_strait", team="Blue", lead="belmora",
                partners=("belmora", "arvandia", "corvenia", "halvoria", "fennmark"), mandate=REGIONAL,
                command=PARALLEL, tools=("naval escort", "maritime patrol", "relief corridor", "logistics hub",
                                         "intelligence sharing", "deconfliction hotline"),
                shares={"arvandia": 35, "corvenia": 35, "belmora": 20, "fennmark": 8, "halvoria": 2})
    return Plan(**{**base, **changes})


TWO_TEAMS_BOTH_SCENARIOS = [
    plan(),
    plan(team="Green", lead="estrava", partners=("estrava", "arvandia", "belmora", "corvenia"), mandate=UN,
         command=CAVEATS, tools=("naval escort", "maritime patrol", "air policing", "logistics hub"),
         shares={"arvandia": 45, "estrava": 25, "corvenia": 20, "belmora": 10}),
    plan(scenario="velenne_ashfall", lead="halvoria", partners=("halvoria", "fennmark", "corvenia", "belmora", "gorvath"),
         tools=("relief corridor", "logistics hub", "maritime patrol", "deconfliction hotline"),
         shares={"corvenia": 40, "gorvath": 20, "fennmark": 20, "belmora": 15, "halvoria": 5}),
    plan(scenario="velenne_ashfall", team="Green", lead="arvandia", partners=("arvandia", "estrava", "corvenia"),
         mandate=ALLIANCE, command=INTEGRATED, tools=("relief corridor", "logistics hub", "air policing"),
         shares={"arvandia": 60, "estrava": 20, "corvenia": 20}),
]


@pytest.mark.parametrize("game", TWO_TEAMS_BOTH_SCENARIOS, ids=lambda p: f"{p.scenario}-{p.team}")
def test_two_teams_play_each_scenario_end_to_end(game):
    found, result = play(game)
    assert found == [], found
    assert set(result.scores) == set(DIMENSIONS)
    for dimension in DIMENSIONS:
        explained = sum(int(reason.split(":")[0]) for reason in result.reasons[dimension])
        assert result.scores[dimension] == max(0, min(10, explained)), dimension


def test_the_same_plan_always_gets_the_same_scores():
    assert score(plan()).scores == score(plan()).scores == play(plan())[1].scores


def test_an_injected_event_the_plan_did_not_prepare_for_costs_points_and_says_so():
    prepared = score(plan())
    unprepared = score(plan(tools=("naval escort", "maritime patrol", "relief corridor", "logistics hub")))
    assert unprepared.scores["cohesion"] < prepared.scores["cohesion"]
    assert any("A tanker is hit" in r for r in unprepared.reasons["cohesion"])
    assert any("Gorvath's warships arrive" in r for r in unprepared.reasons["military effectiveness"])


def test_a_security_council_mandate_scores_higher_legitimacy_than_a_coalition_of_the_willing():
    un = score(plan(partners=("belmora", "arvandia", "corvenia", "halvoria"), mandate=UN,
                    shares={"arvandia": 40, "corvenia": 40, "belmora": 15, "halvoria": 5}))
    willing = score(plan(partners=("belmora", "arvandia", "corvenia", "halvoria"), mandate=REGIONAL,
                         shares={"arvandia": 40, "corvenia": 40, "belmora": 15, "halvoria": 5}))
    assert un.scores["legitimacy"] >= willing.scores["legitimacy"]


def test_integrated_command_trades_sovereignty_for_effectiveness():
    integrated = score(plan(lead="arvandia", command=INTEGRATED))
    parallel = score(plan(lead="arvandia", command=PARALLEL))
    assert integrated.scores["military effectiveness"] > parallel.scores["military effectiveness"]
    assert integrated.scores["sovereignty cost"] > parallel.scores["sovereignty cost"]


def test_a_lopsided_bill_is_called_out():
    result = score(plan(shares={"halvoria": 60, "arvandia": 10, "corvenia": 10, "belmora": 10, "fennmark": 10}))
    assert any("Halvoria" in r and "more than twice" in r for r in result.reasons["cohesion"])
    assert any("free-riding" in r for r in result.reasons["cohesion"])


RED_LINE_BREACHES = {
    "arvandia": dict(lead="belmora", command=INTEGRATED),
    "belmora": dict(mandate=WILLING),
    "corvenia": dict(lead="corvenia"),
    "delvar": dict(partners=("belmora", "delvar", "arvandia"), mandate=REGIONAL,
                   tools=("maritime patrol",), shares={}),
    "estrava": dict(partners=("belmora", "estrava", "arvandia"), mandate=REGIONAL, tools=("maritime patrol",), shares={}),
    "fennmark": dict(lead="arvandia", mandate=ALLIANCE, partners=("arvandia", "fennmark", "corvenia"),
                     tools=("maritime patrol",), shares={}),
    "gorvath": dict(lead="arvandia", partners=("arvandia", "gorvath", "belmora"), tools=("maritime patrol",), shares={}),
}


@pytest.mark.parametrize("role", sorted(RED_LINE_BREACHES))
def test_every_red_line_is_enforced_with_its_reason(role):
    found = problems(plan(**RED_LINE_BREACHES[role]))
    red_line = roles().loc[role, "red_line_text"]
    assert any(red_line in message for message in found), found


@pytest.mark.parametrize("changes,expected", [
    (dict(scenario="atlantis"), "There is no scenario 'atlantis'"),
    (dict(partners=("belmora", "narnia")), "'narnia' is not a state"),
    (dict(mandate="divine right"), "'divine right' is not a mandate"),
    (dict(command="committee"), "'committee' is not a command arrangement"),
    (dict(tools=("teleporter",)), "'teleporter' is not a tool"),
    (dict(partners=("belmora",), shares={}), "at least two states"),
    (dict(lead="delvar"), "must also be one of the partners"),
    (dict(shares={"arvandia": 50, "belmora": 20}), "add up to 100 per cent; yours add up to 70"),
    (dict(shares={"arvandia": 50, "belmora": 30, "gorvath": 20}), "Gorvath is not in the coalition"),
    (dict(partners=("belmora", "halvoria"), tools=("naval escort",), shares={}), "pooled maritime capability of at least 6"),
    (dict(mandate=ALLIANCE, lead="belmora"), "Only a member of the alliance"),
    (dict(mandate=UN, tools=("strikes on militant bases",)), "would veto"),
])
def test_impossible_plans_are_refused_with_a_clear_message(changes, expected):
    found, result = play(plan(**changes))
    assert result is None
    assert any(expected in message for message in found), found


def test_results_can_be_saved_gathered_and_are_rescored(tmp_path):
    for game in TWO_TEAMS_BOTH_SCENARIOS:
        save_result(play(game)[1], tmp_path)
    saved = tmp_path / "marnet_strait_Blue.json"
    tampered = json.loads(saved.read_text())
    tampered["scores"]["legitimacy"] = 10
    saved.write_text(json.dumps(tampered))
    results = load_results(tmp_path)
    frame = results_frame(results)
    assert len(frame) == 4 and set(frame["scenario"]) == {"marnet_strait", "velenne_ashfall"}
    blue = frame[(frame["scenario"] == "marnet_strait") & (frame["team"] == "Blue")]
    assert int(blue["legitimacy"].iloc[0]) == score(plan()).scores["legitimacy"]


def test_a_saved_plan_that_breaks_a_red_line_is_rejected_on_loading(tmp_path):
    path = save_result(play(plan())[1], tmp_path)
    data = json.loads(path.read_text())
    data["plan"]["mandate"] = WILLING
    path.write_text(json.dumps(data))
    with pytest.raises(ValueError, match="marnet_strait_Blue.json: this plan cannot go ahead: Belmora's red line"):
        load_results(tmp_path)


@pytest.mark.parametrize("text,expected", [("Arvandia 40, corvenia: 35; Belmora=25%", {"arvandia": 40, "corvenia": 35, "belmora": 25}),
                                           ("", {})])
def test_burden_shares_are_read_from_plain_text(text, expected):
    assert parse_shares(text) == expected


@pytest.mark.parametrize("text,expected", [("Atlantis 10", "'Atlantis' is not a state"), ("Arvandia lots", "Could not read")])
def test_unreadable_burden_shares_get_a_clear_message(text, expected):
    with pytest.raises(ValueError, match=expected):
        parse_shares(text)


def shown(widget) -> str:
    return html.unescape(widget.value)


def test_the_console_answers_back_and_saves(tmp_path, lab_mode):
    console = SimulationConsole(results_folder=tmp_path)
    parts = console.widget().parts
    parts["run"].click()
    assert "Give your team a name" in shown(parts["result"])
    parts["team"].value = "Blue"
    parts["shares"].value = "Atlantis 100"
    parts["run"].click()
    assert "'Atlantis' is not a state" in shown(parts["result"])
    parts["save"].click()
    assert "Play a plan that can go ahead before saving it" in shown(parts["saved"])
    names = list(roles().index)
    for role in ("belmora", "arvandia", "corvenia", "halvoria", "fennmark"):
        parts["partners"][names.index(role)].value = True
    parts["lead"].value = "belmora"
    parts["mandate"].value = WILLING
    parts["shares"].value = ""
    parts["run"].click()
    assert "This plan cannot go ahead" in shown(parts["result"]) and "Belmora's red line" in shown(parts["result"])
    parts["mandate"].value, parts["command"].value = REGIONAL, PARALLEL
    for box in parts["tools"]:
        box.value = box.description in ("naval escort", "maritime patrol", "relief corridor", "logistics hub")
    parts["run"].click()
    assert "The plan can go ahead" in shown(parts["result"]) and "legitimacy" in shown(parts["result"])
    parts["save"].click()
    assert (tmp_path / "marnet_strait_Blue.json").exists()


def test_the_debrief_chart_compares_teams_with_a_scenario_menu():
    frame = results_frame([play(g)[1] for g in TWO_TEAMS_BOTH_SCENARIOS])
    spec = debrief_chart(frame).to_dict()
    assert any(p.get("bind", {}).get("input") == "select" for p in spec.get("params", []))
    assert vl_convert.vegalite_to_svg(spec).startswith("<svg")


def test_an_empty_class_gets_a_clear_message_not_a_traceback(tmp_path):
    with pytest.raises(ValueError, match="no results to compare yet"):
        debrief_chart(results_frame(load_results(tmp_path)))


def test_class_debrief_explains_what_to_do_when_nothing_is_saved(tmp_path, capsys):
    from IPython.core.interactiveshell import InteractiveShell

    from coursekit.simulation_ui import class_debrief

    shown = []
    InteractiveShell.instance().display_pub.publish = lambda data, **kw: shown.append(data)
    assert class_debrief(tmp_path / "missing") is None
    assert "No class results yet" in shown[-1]["text/html"]
    for game in TWO_TEAMS_BOTH_SCENARIOS:
        save_result(play(game)[1], tmp_path)
    frame = class_debrief(tmp_path)
    assert len(frame) == 4
    broken = tmp_path / "marnet_strait_Blue.json"
    data = json.loads(broken.read_text())
    data["plan"]["mandate"] = WILLING
    broken.write_text(json.dumps(data))
    assert class_debrief(tmp_path) is None
    assert "marnet_strait_Blue.json" in shown[-1]["text/html"]
