"""Self-check quizzes: authored in YAML, shown with jupyterquiz (works in the static book too)."""
from __future__ import annotations

import random
from pathlib import Path

from .content import CONTENT_DIR, load_yaml, require

QUIZ_COLOURS = {
    # Darker than jupyterquiz's defaults so white text keeps a contrast ratio above 4.5:1.
    "--jq-multiple-choice-bg": "#1f4e79",
    "--jq-many-choice-bg": "#7a3b00",
    "--jq-correct-color": "#006b1b",
    "--jq-incorrect-color": "#a10000",
}


def load_quiz(chapter: str, content_dir: Path = CONTENT_DIR) -> list[dict]:
    """The chapter's quiz in jupyterquiz's format, after checking every question and answer."""
    raw, file = load_yaml(chapter, "quiz", content_dir)
    require(isinstance(raw, list) and raw, file, "a quiz is a non-empty list of questions")
    questions = []
    for number, item in enumerate(raw, start=1):
        where = f"{file}, question {number}"
        require(isinstance(item, dict) and str(item.get("question", "")).strip(), where,
                "every question needs a 'question' text")
        answers = item.get("answers")
        require(isinstance(answers, list) and len(answers) >= 2, where, "needs at least two answers")
        converted = []
        for letter, answer in zip("ABCDEFGH", answers):
            here = f"{where}, answer {letter}"
            require(isinstance(answer, dict) and str(answer.get("text", "")).strip(), here, "has no 'text'")
            require(isinstance(answer.get("correct"), bool), here, "'correct' must be true or false")
            require(str(answer.get("feedback", "")).strip(), here, "has no 'feedback' (every option needs one)")
            converted.append({"answer": str(answer["text"]), "correct": answer["correct"],
                              "feedback": str(answer["feedback"])})
        n_correct = sum(a["correct"] for a in converted)
        require(n_correct >= 1, where, "no answer is marked correct")
        questions.append({"question": str(item["question"]),
                          "type": "multiple_choice" if n_correct == 1 else "many_choice",
                          "answers": converted})
    return questions


def show_quiz(chapter: str) -> None:
    """Display the chapter's quiz; it runs in the browser, so no kernel is needed to answer it."""
    from jupyterquiz import display_quiz

    questions = load_quiz(chapter)
    # jupyterquiz names its container with the global random generator: seed it so that a
    # rebuild gives the same page, then give the generator back its state.
    state = random.getstate()
    random.seed(f"quiz-{chapter}")
    try:
        display_quiz(questions, shuffle_answers=True, colors=QUIZ_COLOURS)
    finally:
        random.setstate(state)
