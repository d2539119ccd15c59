"""Chapter 3's exercise-design model: deterministic, explained, and clear about impossible designs."""
import pytest

from coursekit.exercise_design import DIMENSIONS, LOCATIONS, PARTNERS, SCALES, evaluate
from coursekit.exercises import ExerciseDesigner

SMALL, MEDIUM, LARGE = SCALES
HOME, SEAS, NEAR_RIVAL, NETWORKS = LOCATIONS


def scores(*args):
    feedback, result = evaluate(*args)
    assert feedback.status == "assessment", feedback.message
    return result.scores, result.reasons


def test_every_score_is_explained_and_bounded():
    s, reasons = scores(["treaty allies", "non-allied partners"], "joint", LARGE, NEAR_RIVAL)
    assert set(s) == set(DIMENSIONS)
    assert all(0 <= v <= 10 for v in s.values())
    for dimension in DIMENSIONS:
        explained = sum(int(r.split(":")[0]) for r in reasons.get(dimension, []))
        assert s[dimension] == max(0, min(10, explained)), dimension


def test_the_same_design_always_gets_the_same_answer():
    args = (["states bordering a rival"], "maritime", MEDIUM, SEAS)
    assert evaluate(*args)[1].scores == evaluate(*args)[1].scores


def test_moving_an_exercise_next_to_a_rival_raises_signal_and_risk():
    home, _ = scores(["treaty allies"], "land", LARGE, HOME)
    near, _ = scores(["treaty allies"], "land", LARGE, NEAR_RIVAL)
    assert near["reassurance and signalling"] > home["reassurance and signalling"]
    assert near["risk of escalation or misreading"] > home["risk of escalation or misreading"]


def test_observers_lower_the_risk_of_misreading():
    without, _ = scores(["states bordering a rival"], "air", LARGE, NEAR_RIVAL)
    with_observers, reasons = scores(["states bordering a rival", "observers from non-aligned states"],
                                     "air", LARGE, NEAR_RIVAL)
    assert with_observers["risk of escalation or misreading"] < without["risk of escalation or misreading"]
    assert any("observers" in r for r in reasons["risk of escalation or misreading"])


def test_new_partners_teach_more_than_old_allies():
    allies, _ = scores(["treaty allies"], "maritime", MEDIUM, SEAS)
    newcomers, _ = scores(["non-allied partners"], "maritime", MEDIUM, SEAS)
    assert newcomers["interoperability gained"] > allies["interoperability gained"]


def test_a_cyber_exercise_moves_no_forces_and_costs_less():
    cyber, _ = scores(["treaty allies"], "cyber", MEDIUM, NETWORKS)
    naval, _ = scores(["treaty allies"], "maritime", MEDIUM, SEAS)
    assert cyber["cost"] < naval["cost"]


@pytest.mark.parametrize("args,expected", [
    (([], "land", SMALL, HOME), "at least one kind of partner"),
    ((["observers from non-aligned states"], "land", SMALL, HOME), "Observers watch"),
    ((["treaty allies"], "cyber", SMALL, HOME), "networks only"),
    ((["treaty allies"], "maritime", SMALL, NETWORKS), "only a cyber exercise"),
    ((["treaty allies"], "space", SMALL, HOME), "'space' is not a domain"),
    ((["pirates"], "land", SMALL, HOME), "'pirates' is not a kind of partner"),
    ((["treaty allies"], "land", "enormous", HOME), "'enormous' is not a scale"),
])
def test_impossible_or_unknown_designs_get_a_clear_message(args, expected):
    feedback, result = evaluate(*args)
    assert feedback.status == "invalid" and result is None
    assert expected in feedback.message


def test_the_widget_answers_back(lab_mode):
    parts = ExerciseDesigner().widget().parts
    parts["check"].click()
    assert "Check your answer." in parts["result"].value and "at least one kind of partner" in parts["result"].value
    parts["partners"][PARTNERS.index("treaty allies")].value = True
    parts["domain"].value, parts["scale"].value, parts["location"].value = "land", LARGE, NEAR_RIVAL
    parts["check"].click()
    assert "Assessment." in parts["result"].value
    assert all(d in parts["result"].value for d in DIMENSIONS)


def test_the_static_book_shows_the_choices_and_how_to_go_live():
    page = ExerciseDesigner().static_html()
    assert "Live notebook needed" in page and all(p in page for p in PARTNERS)
