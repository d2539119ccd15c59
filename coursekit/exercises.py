"""Widget exercises that answer back.

Each exercise has a pure ``check`` method (tested directly) and a widget that calls it. In the
static book, where no kernel runs, the exercise shows its questions and says plainly how to
open a live notebook instead of showing a dead widget.
"""
from __future__ import annotations

import html
import random
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .content import CONTENT_DIR, load_yaml, require
from .feedback import Feedback
from .mode import in_book_build

# Authors often open feedback with a verdict ("Right.", "Not quite."); the widget already shows
# one, so the repeat is dropped when the feedback is displayed.
LEADING_VERDICT = re.compile(r"^(Right|Correct|Not quite|No|Yes)[.!]\s+")


def without_verdict(message: str) -> str:
    return LEADING_VERDICT.sub("", message, count=1)


LIVE_NOTEBOOK_NOTE = (
    "This exercise answers back in a live notebook. In this static page you can read the "
    "questions; to answer them, open the chapter as a notebook: use the download button "
    "(.ipynb) at the top of the page and open the file in JupyterLab, or in the course folder "
    "run <code>make lab</code>. <a href=\"../book/how-to-use.html#working-through-the-notebooks-on-your-own-computer\">"
    "How to run the notebooks on your own computer</a>."
)


def static_card(title: str, instructions: str, body: str) -> str:
    """The static book's stand-in for a widget: its questions, and how to open a live notebook."""
    return (f'<div class="coursekit-exercise coursekit-exercise-static">'
            f'<p class="coursekit-exercise-title"><strong>Exercise: {html.escape(title)}</strong></p>'
            f"<p>{html.escape(instructions)}</p>{body}"
            f'<div class="coursekit-live-note" role="note"><strong>Live notebook needed.</strong> '
            f"{LIVE_NOTEBOOK_NOTE}</div></div>")


class _Exercise:
    title: str

    def widget(self):
        raise NotImplementedError

    def static_html(self) -> str:
        raise NotImplementedError

    def _ipython_display_(self):
        from IPython.display import HTML, display

        display(HTML(self.static_html()) if in_book_build() else self.widget())


# --- classification ------------------------------------------------------------------------

@dataclass(frozen=True)
class ClassificationItem:
    case: str
    answer: str
    feedback: dict[str, str]


class ClassificationExercise(_Exercise):
    """Sort real cases into categories; every option has its own explanation."""

    def __init__(self, title: str, instructions: str, options: list[str], items: list[ClassificationItem]):
        self.title, self.instructions, self.options, self.items = title, instructions, list(options), items

    @classmethod
    def from_content(cls, chapter: str, key: str = "classify", content_dir: Path = CONTENT_DIR):
        raw, file = load_yaml(chapter, "widgets", content_dir)
        require(isinstance(raw, dict) and key in raw, file, f"has no '{key}' exercise")
        spec, where = raw[key], f"{file}, {key}"
        options = spec.get("options") or []
        require(len(options) >= 2, where, "needs at least two options")
        items = []
        for number, item in enumerate(spec.get("items") or [], start=1):
            here = f"{where}, item {number}"
            require(str(item.get("case", "")).strip(), here, "has no 'case' text")
            require(item.get("answer") in options, here, f"answer {item.get('answer')!r} is not one of {options}")
            feedback = item.get("feedback") or {}
            missing = [o for o in options if not str(feedback.get(o, "")).strip()]
            require(not missing, here, f"has no feedback for {', '.join(map(repr, missing))}")
            items.append(ClassificationItem(str(item["case"]), item["answer"],
                                            {o: str(feedback[o]) for o in options}))
        require(items, where, "has no items")
        return cls(spec.get("title", key), spec.get("instructions", ""), options, items)

    def check(self, item_index: int, answer: str | None) -> Feedback:
        if not 0 <= item_index < len(self.items):
            return Feedback("invalid", f"There is no case {item_index + 1}; choose a case from 1 to {len(self.items)}.")
        if answer is None or not str(answer).strip():
            return Feedback("invalid", "Choose one of the options before checking.")
        if answer not in self.options:
            return Feedback("invalid", f"{answer!r} is not one of the options: {', '.join(self.options)}.")
        item = self.items[item_index]
        return Feedback("correct" if answer == item.answer else "incorrect", without_verdict(item.feedback[answer]))

    def widget(self):
        import ipywidgets as w

        state = {"index": 0, "answered": {}}
        header = w.HTML(f"<strong>{html.escape(self.title)}</strong><p>{html.escape(self.instructions)}</p>")
        case = w.HTML()
        choice = w.RadioButtons(options=self.options, value=None, description="Your answer:",
                                style={"description_width": "initial"}, layout=w.Layout(width="auto"))
        check, following = w.Button(description="Check", button_style="primary"), w.Button(description="Next case")
        result, score = w.HTML(), w.HTML()

        def show_case():
            i = state["index"]
            case.value = (f"<p><em>Case {i + 1} of {len(self.items)}</em></p>"
                          f"<p>{html.escape(self.items[i].case)}</p>")
            choice.value, result.value = None, ""

        def on_check(_):
            feedback = self.check(state["index"], choice.value)
            result.value = feedback.to_html()
            if feedback.status != "invalid":
                state["answered"][state["index"]] = feedback.correct
                right = sum(state["answered"].values())
                score.value = f"<p>Score: {right} right of {len(state['answered'])} answered.</p>"

        def on_next(_):
            state["index"] = (state["index"] + 1) % len(self.items)
            show_case()

        check.on_click(on_check)
        following.on_click(on_next)
        show_case()
        box = w.VBox([header, case, choice, w.HBox([check, following]), result, score])
        box.add_class("coursekit-exercise")
        # The parts tests (and curious learners) may want to drive directly.
        box.parts = {"choice": choice, "check": check, "next": following, "result": result,
                     "case": case, "score": score}
        return box

    def static_html(self) -> str:
        cases = "".join(f"<li>{html.escape(item.case)}</li>" for item in self.items)
        body = (f"<p>Options: {', '.join(html.escape(o) for o in self.options)}.</p>"
                f"<ol class=\"coursekit-exercise-cases\">{cases}</ol>")
        return static_card(self.title, self.instructions, body)


# --- ordering ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Event:
    event: str
    date: date
    why: str


LETTERS = "ABCDEFGHIJ"


class OrderingExercise(_Exercise):
    """Put events in chronological order by typing their letters, e.g. ``C, A, B``."""

    def __init__(self, title: str, instructions: str, rounds: list[list[Event]]):
        self.title, self.instructions = title, instructions
        self.rounds = [self._scramble(events, seed=n) for n, events in enumerate(rounds)]

    @staticmethod
    def _scramble(events: list[Event], seed: int) -> list[Event]:
        """A fixed shuffle (the same on every run) that is never already in order."""
        shuffled = list(events)
        random.Random(f"ordering-{seed}").shuffle(shuffled)
        if shuffled == sorted(events, key=lambda e: e.date):
            shuffled = shuffled[1:] + shuffled[:1]
        return shuffled

    @classmethod
    def from_content(cls, chapter: str, key: str = "ordering", content_dir: Path = CONTENT_DIR):
        raw, file = load_yaml(chapter, "widgets", content_dir)
        require(isinstance(raw, dict) and key in raw, file, f"has no '{key}' exercise")
        spec, where = raw[key], f"{file}, {key}"
        rounds = []
        for r, round_spec in enumerate(spec.get("rounds") or [], start=1):
            events = []
            for e, item in enumerate(round_spec.get("events") or [], start=1):
                here = f"{where}, round {r}, event {e}"
                require(str(item.get("event", "")).strip(), here, "has no 'event' text")
                require(isinstance(item.get("date"), date), here, "needs a 'date' written YYYY-MM-DD")
                events.append(Event(str(item["event"]), item["date"], str(item.get("why", ""))))
            require(2 <= len(events) <= len(LETTERS), f"{where}, round {r}", f"needs 2 to {len(LETTERS)} events")
            require(len({ev.date for ev in events}) == len(events), f"{where}, round {r}",
                    "two events share a date, so their order is ambiguous")
            rounds.append(events)
        require(rounds, where, "has no rounds")
        return cls(spec.get("title", key), spec.get("instructions", ""), rounds)

    def labelled(self, round_index: int) -> list[tuple[str, Event]]:
        return list(zip(LETTERS, self.rounds[round_index]))

    def check(self, round_index: int, text: str | None) -> Feedback:
        labelled = dict(self.labelled(round_index))
        valid = "".join(labelled)
        span = f"{valid[0]} to {valid[-1]}"
        tokens = re.findall(r"[A-Za-z0-9]+", text or "")
        if not tokens:
            return Feedback("invalid", f"Type the letters of the events in order, e.g. {', '.join(valid[::-1])}.")
        letters = [t.upper() for t in tokens]
        if len(letters) == 1 and len(letters[0]) == len(valid):
            letters = list(letters[0])  # "CABED" typed without separators
        unknown = [x for x in letters if x not in labelled]
        if unknown:
            return Feedback("invalid", f"There is no event {unknown[0]!r}: use only the letters {span}.")
        repeated = sorted({x for x in letters if letters.count(x) > 1})
        if repeated:
            return Feedback("invalid", f"You used {', '.join(repeated)} more than once; place each event once.")
        missing = [x for x in valid if x not in letters]
        if missing:
            return Feedback("invalid", f"You left out {', '.join(missing)}; place all {len(valid)} events.")
        truth = sorted(valid, key=lambda x: labelled[x].date)
        if letters == truth:
            timeline = "; ".join(f"{labelled[x].date:%Y}: {labelled[x].event}" for x in truth)
            return Feedback("correct", f"The order is {timeline}.")
        in_place = sum(a == b for a, b in zip(letters, truth))
        for first, second in zip(letters, letters[1:]):
            if labelled[first].date > labelled[second].date:
                hint = (f"Look again at {first} and {second}: \"{labelled[second].event}\" came before "
                        f"\"{labelled[first].event}\". {labelled[second].why}").strip()
                break
        return Feedback("incorrect", f"{in_place} of {len(valid)} events are in the right place. {hint}")

    def widget(self):
        import ipywidgets as w

        header = w.HTML(f"<strong>{html.escape(self.title)}</strong><p>{html.escape(self.instructions)}</p>")
        rounds = w.ToggleButtons(options=[(f"Round {n + 1}", n) for n in range(len(self.rounds))], value=0)
        events = w.HTML()
        answer = w.Text(placeholder="e.g. " + ", ".join(LETTERS[:len(self.rounds[0])][::-1]),
                        description="Your order:", style={"description_width": "initial"})
        check = w.Button(description="Check", button_style="primary")
        result = w.HTML()

        def show_round(_=None):
            items = "".join(f"<li><strong>{x}</strong>: {html.escape(e.event)}</li>"
                            for x, e in self.labelled(rounds.value))
            events.value = f'<ul class="coursekit-events">{items}</ul>'
            answer.value, result.value = "", ""

        def on_check(_):
            result.value = self.check(rounds.value, answer.value).to_html()

        rounds.observe(show_round, names="value")
        check.on_click(on_check)
        show_round()
        box = w.VBox([header, rounds, events, w.HBox([answer, check]), result])
        box.add_class("coursekit-exercise")
        box.parts = {"rounds": rounds, "answer": answer, "check": check, "result": result, "events": events}
        return box

    def static_html(self) -> str:
        body = ""
        for n in range(len(self.rounds)):
            items = "".join(f"<li><strong>{x}</strong>: {html.escape(e.event)}</li>" for x, e in self.labelled(n))
            body += f"<p>Round {n + 1}</p><ul class=\"coursekit-events\">{items}</ul>"
        return static_card(self.title, self.instructions, body)


# --- design an exercise (Chapter 3) -------------------------------------------------------

class ExerciseDesigner(_Exercise):
    """Choose partners, domain, scale and location; the model scores the design and shows why."""

    title = "Design an exercise"
    instructions = ("Choose who takes part, in which domain, how large and where. The model scores interoperability, "
                    "reassurance and signalling, cost and escalation risk from 0 to 10, and lists the rule behind "
                    "every point. It is deliberately simple: argue with it.")

    def check(self, partners, domain, scale, location):
        from .exercise_design import evaluate

        return evaluate(partners, domain, scale, location)

    def widget(self):
        import ipywidgets as w

        from .exercise_design import DOMAINS, LOCATIONS, PARTNERS, SCALES, assessment_html

        wide = {"description_width": "initial"}
        partners = [w.Checkbox(value=False, description=p, indent=False) for p in PARTNERS]
        domain = w.Dropdown(options=DOMAINS, value="maritime", description="Domain:", style=wide)
        scale = w.Dropdown(options=SCALES, value=SCALES[1], description="Scale:", style=wide)
        location = w.Dropdown(options=LOCATIONS, value=LOCATIONS[1], description="Location:", style=wide)
        check = w.Button(description="Assess the design", button_style="primary")
        result = w.HTML()

        def on_check(_):
            chosen = [box.description for box in partners if box.value]
            feedback, assessment = self.check(chosen, domain.value, scale.value, location.value)
            result.value = feedback.to_html() + (assessment_html(assessment) if assessment else "")

        check.on_click(on_check)
        box = w.VBox([w.HTML(f"<strong>{html.escape(self.title)}</strong><p>{html.escape(self.instructions)}</p>"
                             "<p>Partners:</p>"), w.VBox(partners), domain, scale, location, check, result])
        box.add_class("coursekit-exercise")
        box.parts = {"partners": partners, "domain": domain, "scale": scale, "location": location,
                     "check": check, "result": result}
        return box

    def static_html(self) -> str:
        from .exercise_design import DOMAINS, LOCATIONS, PARTNERS, SCALES

        body = "".join(f"<p>{label}: {html.escape(', '.join(values))}.</p>" for label, values in
                       (("Partners (any combination)", PARTNERS), ("Domain", DOMAINS), ("Scale", SCALES),
                        ("Location", LOCATIONS)))
        return static_card(self.title, self.instructions, body)
