"""Printable role cards for the capstone simulation, one per state, built from the roles table."""
from __future__ import annotations

import html

from .simulation import roles

CAPABILITIES = ["maritime", "air", "land", "logistics", "intelligence", "relief", "funds"]


def role_cards():
    from IPython.display import HTML

    cards = []
    for _, role in roles().iterrows():
        rows = "".join(f"<tr><th scope='row'>{c}</th><td><span aria-hidden='true'>{'■' * int(role[c])}"
                       f"{'□' * (5 - int(role[c]))}</span> {int(role[c])} of 5</td></tr>" for c in CAPABILITIES)
        cards.append(
            f"<section class='coursekit-role-card'><h2>{html.escape(role['name'])}</h2>"
            f"<p>{html.escape(role['profile'])}</p>"
            f"<p><strong>What you want:</strong> {html.escape(role['interests'])}</p>"
            f"<p><strong>Your red line:</strong> {html.escape(role['red_line_text'])}</p>"
            f"<p><strong>Region:</strong> {'a state of the crisis region' if role['regional'] else 'from outside the region'}.</p>"
            f"<table class='coursekit-fields'><caption>What you bring</caption><tbody>{rows}</tbody></table>"
            "<p class='coursekit-role-card-note'>In the negotiation, defend your red line and your interests; "
            "you may agree to anything that crosses neither.</p></section>")
    return HTML("".join(cards))
