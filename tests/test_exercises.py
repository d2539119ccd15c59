"""Widget exercises: every answer gets the right verdict and its own message; bad input never crashes."""
from html import escape as html_escape

import pytest

from coursekit.content import ContentError
from coursekit.exercises import ClassificationExercise, OrderingExercise, without_verdict

CHAPTER = "01_history"  # the chapter whose ordering exercise and widget wiring are tested in depth


def classification_exercises():
    """Every classification exercise in every chapter's widgets.yml (keys starting 'classify')."""
    import yaml

    from coursekit.paths import CONTENT_DIR

    for path in sorted(CONTENT_DIR.glob("*/widgets.yml")):
        for key in yaml.safe_load(path.read_text(encoding="utf-8")):
            if key.startswith("classify"):
                yield pytest.param(path.parent.name, key, id=f"{path.parent.name}-{key}")


ALL_CLASSIFICATIONS = list(classification_exercises())


@pytest.fixture(scope="module")
def classify():
    return ClassificationExercise.from_content(CHAPTER)




@pytest.fixture(scope="module")
def ordering():
    return OrderingExercise.from_content(CHAPTER)


def test_there_are_classification_exercises_in_several_chapters():
    assert len({p.values[0] for p in ALL_CLASSIFICATIONS}) >= 2


@pytest.mark.parametrize("chapter,key", ALL_CLASSIFICATIONS)
def test_classification_has_enough_real_cases(chapter, key):
    exercise = ClassificationExercise.from_content(chapter, key)
    assert len(exercise.items) >= 6
    assert len({item.answer for item in exercise.items}) >= min(3, len(exercise.options))


@pytest.mark.parametrize("chapter,key", ALL_CLASSIFICATIONS)
def test_every_option_of_every_case_gets_its_verdict_and_its_own_feedback(chapter, key):
    classify = ClassificationExercise.from_content(chapter, key)
    for index, item in enumerate(classify.items):
        messages = set()
        for option in classify.options:
            feedback = classify.check(index, option)
            assert feedback.correct == (option == item.answer)
            assert feedback.status in ("correct", "incorrect")
            assert feedback.message == without_verdict(item.feedback[option])
            assert not feedback.message.startswith(("Right.", "Not quite.", "Correct."))
            messages.add(feedback.message)
        assert len(messages) == len(classify.options), f"case {index + 1} repeats a message"


@pytest.mark.parametrize("answer,expected", [(None, "Choose one of the options"), ("", "Choose one of the options"),
                                              ("treaty", "'treaty' is not one of the options")])
def test_classification_invalid_answers_get_a_clear_message(classify, answer, expected):
    feedback = classify.check(0, answer)
    assert feedback.status == "invalid" and expected in feedback.message


def test_classification_out_of_range_case(classify):
    assert classify.check(99, "alliance").status == "invalid"


def test_classification_widget_answers_back(classify, lab_mode):
    box = classify.widget()
    parts = box.parts
    parts["check"].click()
    assert "Choose one of the options" in parts["result"].value
    wrong = next(o for o in classify.options if o != classify.items[0].answer)
    parts["choice"].value = wrong
    parts["check"].click()
    assert "Not quite." in parts["result"].value and "Score: 0 right of 1 answered" in parts["score"].value
    parts["choice"].value = classify.items[0].answer
    parts["check"].click()
    assert "Correct." in parts["result"].value and "Score: 1 right of 1 answered" in parts["score"].value
    parts["next"].click()
    assert "Case 2 of" in parts["case"].value and parts["result"].value == "" and parts["choice"].value is None


def truth(ordering, round_index):
    return [letter for letter, event in sorted(ordering.labelled(round_index), key=lambda pair: pair[1].date)]


def test_ordering_rounds_are_scrambled_but_stable(ordering):
    again = OrderingExercise.from_content(CHAPTER)
    for n in range(len(ordering.rounds)):
        assert [e.event for e in ordering.rounds[n]] == [e.event for e in again.rounds[n]]
        assert truth(ordering, n) != [letter for letter, _ in ordering.labelled(n)]


def test_the_right_order_is_accepted_in_any_spelling(ordering):
    right = truth(ordering, 0)
    for text in (", ".join(right), " ".join(right).lower(), "".join(right), "-".join(right)):
        feedback = ordering.check(0, text)
        assert feedback.correct, text
    assert "The order is" in feedback.message


def test_a_wrong_order_says_how_many_are_right_and_names_one_misplaced_pair(ordering):
    reversed_order = list(reversed(truth(ordering, 0)))
    feedback = ordering.check(0, ", ".join(reversed_order))
    assert feedback.status == "incorrect"
    assert f"of {len(reversed_order)} events are in the right place" in feedback.message
    assert f"Look again at {reversed_order[0]} and {reversed_order[1]}" in feedback.message


@pytest.mark.parametrize("text,expected", [
    ("", "Type the letters"), ("   ", "Type the letters"), ("A, B, Z", "There is no event 'Z'"),
    ("A, A, B, C, D", "more than once"), ("A, B", "You left out"), ("1, 2, 3", "There is no event '1'"),
])
def test_ordering_invalid_input_gets_a_clear_message(ordering, text, expected):
    feedback = ordering.check(0, text)
    assert feedback.status == "invalid" and expected in feedback.message


def test_ordering_widget_answers_back(ordering, lab_mode):
    parts = ordering.widget().parts
    parts["answer"].value = "nonsense?"
    parts["check"].click()
    assert "Check your answer." in parts["result"].value
    parts["answer"].value = ", ".join(truth(ordering, 0))
    parts["check"].click()
    assert "Correct." in parts["result"].value
    parts["rounds"].value = 1
    assert parts["answer"].value == "" and parts["result"].value == ""
    parts["answer"].value = ", ".join(truth(ordering, 1))
    parts["check"].click()
    assert "Correct." in parts["result"].value


def test_in_the_static_book_exercises_show_their_questions_and_how_to_go_live(classify, ordering):
    for exercise in (classify, ordering):
        html = exercise.static_html()
        assert "Live notebook needed" in html and "make lab" in html
    static = classify.static_html()
    assert all(html_escape(item.case) in static for item in classify.items)


def test_a_case_without_feedback_for_an_option_is_refused(content_copy):
    path = content_copy / CHAPTER / "widgets.yml"
    text = path.read_text(encoding="utf-8")
    first = text.index("        partnership:")
    end = text.index("\n", first)
    path.write_text(text[:first] + text[end + 1:], encoding="utf-8")
    with pytest.raises(ContentError, match="classify, item 1: has no feedback for 'partnership'"):
        ClassificationExercise.from_content(CHAPTER, content_dir=content_copy)


def test_events_sharing_a_date_are_refused(content_copy):
    import yaml

    path = content_copy / CHAPTER / "widgets.yml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw["ordering"]["rounds"][0]["events"][1]["date"] = raw["ordering"]["rounds"][0]["events"][0]["date"]
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    with pytest.raises(ContentError, match="round 1: two events share a date"):
        OrderingExercise.from_content(CHAPTER, content_dir=content_copy)
