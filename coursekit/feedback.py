"""What an exercise says back: a verdict and a message, shown the same way everywhere."""
from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Literal

Status = Literal["correct", "incorrect", "invalid", "assessment"]

# Words and symbols carry the verdict as well as colour, so it never depends on colour alone.
_LABELS = {"correct": ("✓", "Correct."), "incorrect": ("✗", "Not quite."), "invalid": ("!", "Check your answer."),
           "assessment": ("→", "Assessment.")}  # for open tasks with no single right answer


@dataclass(frozen=True)
class Feedback:
    status: Status
    message: str

    @property
    def correct(self) -> bool:
        return self.status == "correct"

    def to_html(self) -> str:
        symbol, label = _LABELS[self.status]
        return (f'<div class="coursekit-feedback coursekit-feedback-{self.status}" role="status">'
                f'<span aria-hidden="true">{symbol}</span> <strong>{label}</strong> '
                f"{html.escape(self.message)}</div>")
