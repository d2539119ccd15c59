"""Scores that explain themselves: every point carries its reason, shown in one kind of table.

Shared by Chapter 3's exercise-design model and the capstone simulation.
"""
from __future__ import annotations

import html


class ExplainedScores:
    """Scores from 0 to 10 on fixed dimensions, built from points that each carry a reason."""

    def __init__(self, dimensions: list[str]):
        self.dimensions = list(dimensions)
        self.scores = {d: 0 for d in self.dimensions}
        self.reasons: dict[str, list[str]] = {d: [] for d in self.dimensions}

    def add(self, dimension: str, points: int, reason: str) -> None:
        self.scores[dimension] += points
        self.reasons[dimension].append(f"{points:+d}: {reason}")

    def clipped(self) -> dict[str, int]:
        return {d: max(0, min(10, v)) for d, v in self.scores.items()}


def scores_table_html(dimensions: list[str], scores: dict[str, int], reasons: dict[str, list[str]],
                      heading: str = "Score", note: str = "") -> str:
    """A table of scores as bars (decorative) and numbers (read aloud), with the reasons behind each."""
    rows = ""
    for d in dimensions:
        value = scores[d]
        bar = "■" * value + "□" * (10 - value)
        items = "".join(f"<li>{html.escape(r)}</li>" for r in reasons.get(d, []))
        rows += (f"<tr><th scope='row'>{html.escape(d)}</th><td><span aria-hidden='true'>{bar}</span> "
                 f"{value}/10</td><td><ul>{items}</ul></td></tr>")
    note_html = f"<p>{html.escape(note)}</p>" if note else ""
    return (f"{note_html}<table class='coursekit-fields'><thead><tr><th>{html.escape(heading)}</th><th>Value</th>"
            f"<th>Why</th></tr></thead><tbody>{rows}</tbody></table>")
