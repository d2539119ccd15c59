import re

import pytest
from IPython.core.interactiveshell import InteractiveShell

from coursekit.content import ContentError
from coursekit.paths import CONTENT_DIR
from coursekit.quiz import load_quiz, show_quiz

CHAPTERS = sorted(p.parent.name for p in CONTENT_DIR.glob("*/quiz.yml"))


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_each_chapter_quiz_has_eight_questions_with_feedback_on_every_option(chapter):
    questions = load_quiz(chapter)
    assert len(questions) >= 8
    for q in questions:
        assert sum(a["correct"] for a in q["answers"]) >= 1
        assert all(len(a["feedback"]) > 20 for a in q["answers"])


def test_a_quiz_answer_without_feedback_is_refused(content_copy):
    path = content_copy / "01_history" / "quiz.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(\n\s+feedback:[^\n]*)", "", text, count=1), encoding="utf-8")
    with pytest.raises(ContentError, match=r"quiz.yml, question 1, answer A: has no 'feedback'"):
        load_quiz("01_history", content_copy)


def test_a_question_with_no_right_answer_is_refused(content_copy):
    path = content_copy / "01_history" / "quiz.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("correct: true", "correct: false"), encoding="utf-8")
    with pytest.raises(ContentError, match="question 1: no answer is marked correct"):
        load_quiz("01_history", content_copy)


def test_the_quiz_renders_as_self_contained_html_and_script():
    shell = InteractiveShell.instance()
    outputs = []
    shell.display_pub.publish = lambda data, **kw: outputs.append(data)
    show_quiz("01_history")
    assert "text/html" in outputs[0] and "application/javascript" in outputs[1]
    script = outputs[1]["application/javascript"]
    assert "var questions" in script
    assert not re.search(r"src=['\"]https?://", outputs[0]["text/html"] + script)
