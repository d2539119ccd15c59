"""The capstone's console (a widget for each team) and the debrief chart that compares teams."""
from __future__ import annotations

import html
import re
from pathlib import Path

import altair as alt
import pandas as pd

from .charts import describe
from .exercises import _Exercise, static_card
from .feedback import Feedback
from .scoring import scores_table_html
from .simulation import COMMANDS, DIMENSIONS, MANDATES, TOOLS, Plan, Result, play, roles, save_result, scenarios


def parse_shares(text: str) -> dict[str, float]:
    """'Arvandia 40, Corvenia 35, Belmora 25' -> {'arvandia': 40.0, ...}; raises ValueError with a clear message."""
    names = {name.lower(): role for role, name in roles()["name"].items()}
    shares = {}
    for part in filter(None, (p.strip() for p in re.split(r"[,;\n]+", text or ""))):
        match = re.fullmatch(r"([A-Za-z]+)\s*[:=]?\s*(-?\d+(?:\.\d+)?)\s*%?", part)
        if not match:
            raise ValueError(f"Could not read {part!r}: write a state and a number, e.g. 'Arvandia 40'.")
        name, value = match.group(1).lower(), float(match.group(2))
        if name not in names:
            raise ValueError(f"{match.group(1)!r} is not a state in the simulation.")
        shares[names[name]] = value
    return shares


def result_html(result: Result) -> str:
    return scores_table_html(DIMENSIONS, result.scores, result.reasons, note=(
        "Higher is better for legitimacy, military effectiveness and cohesion; lower is better for cost "
        "and sovereignty cost."))


class SimulationConsole(_Exercise):
    """One team's console: build a plan, see whether it can go ahead and how it scores, save it."""

    title = "Coalition-building console"
    instructions = ("Choose the lead nation, its partners, a mandate, a command arrangement, the tools and the "
                    "burden shares, then press 'Play the plan'. A plan that crosses a partner's red line is refused "
                    "with the reason; a plan that can go ahead is scored, with the reason for every point.")

    def __init__(self, results_folder: str | Path = "simulation_results"):
        self.results_folder = Path(results_folder)
        self.last_result: Result | None = None

    def evaluate(self, scenario, team, lead, partners, mandate, command, tools, shares_text) -> Feedback:
        try:
            shares = parse_shares(shares_text)
        except ValueError as error:
            self.last_result = None
            return Feedback("invalid", str(error))
        if not str(team or "").strip():
            self.last_result = None
            return Feedback("invalid", "Give your team a name, so the debrief can tell the plans apart.")
        plan = Plan(scenario, team.strip(), lead, tuple(partners), mandate, command, tuple(tools), shares)
        problems, result = play(plan)
        self.last_result = result
        if problems:
            return Feedback("invalid", "This plan cannot go ahead. " + " ".join(problems))
        return Feedback("assessment", f"The plan can go ahead. {team.strip()}'s scores are below.")

    def widget(self):
        import ipywidgets as w

        role_table, scenario_table = roles(), scenarios()
        wide = {"description_width": "initial"}
        layout = w.Layout(width="auto")
        scenario = w.Dropdown(options=[(t, s) for s, t in scenario_table["title"].items()],
                              description="Scenario:", style=wide, layout=layout)
        briefing = w.HTML()
        team = w.Text(placeholder="e.g. Team Blue", description="Team:", style=wide)
        lead = w.Dropdown(options=[(n, r) for r, n in role_table["name"].items()], description="Lead nation:",
                          style=wide)
        partners = [w.Checkbox(value=False, description=role_table.loc[r, "name"], indent=False) for r in role_table.index]
        mandate = w.Dropdown(options=MANDATES, description="Mandate:", style=wide, layout=layout)
        command = w.Dropdown(options=COMMANDS, description="Command:", style=wide, layout=layout)
        tools = [w.Checkbox(value=False, description=t, indent=False) for t in TOOLS]
        shares = w.Text(placeholder="e.g. Arvandia 40, Corvenia 35, Belmora 25 (empty: equal shares)",
                        description="Burden shares (%):", style=wide, layout=w.Layout(width="95%"))
        run, save = w.Button(description="Play the plan", button_style="primary"), w.Button(description="Save result")
        result, saved = w.HTML(), w.HTML()

        def show_briefing(_=None):
            row = scenario_table.loc[scenario.value]
            briefing.value = (f"<p><strong>{html.escape(row['title'])}.</strong> {html.escape(row['situation'])}</p>"
                              f"<p><em>Objective:</em> {html.escape(row['objective'])}</p>")

        def on_run(_):
            chosen = [r for r, box in zip(role_table.index, partners) if box.value]
            feedback = self.evaluate(scenario.value, team.value, lead.value, chosen, mandate.value, command.value,
                                     [box.description for box in tools if box.value], shares.value)
            result.value = feedback.to_html() + (result_html(self.last_result) if self.last_result else "")
            saved.value = ""

        def on_save(_):
            if self.last_result is None:
                saved.value = Feedback("invalid", "Play a plan that can go ahead before saving it.").to_html()
                return
            path = save_result(self.last_result, self.results_folder)
            saved.value = Feedback("assessment", f"Saved to {path}. The instructor collects this file for the "
                                                 "debrief.").to_html()

        scenario.observe(show_briefing, names="value")
        run.on_click(on_run)
        save.on_click(on_save)
        show_briefing()
        box = w.VBox([w.HTML(f"<strong>{self.title}</strong><p>{html.escape(self.instructions)}</p>"), scenario,
                      briefing, team, lead, w.HTML("<p>Partners (tick the lead nation too):</p>"),
                      w.GridBox(partners, layout=w.Layout(grid_template_columns="repeat(4, auto)")),
                      mandate, command, w.HTML("<p>Tools:</p>"),
                      w.GridBox(tools, layout=w.Layout(grid_template_columns="repeat(3, auto)")),
                      shares, w.HBox([run, save]), result, saved])
        box.add_class("coursekit-exercise")
        box.parts = {"scenario": scenario, "team": team, "lead": lead, "partners": partners, "mandate": mandate,
                     "command": command, "tools": tools, "shares": shares, "run": run, "save": save,
                     "result": result, "saved": saved, "briefing": briefing}
        return box

    def static_html(self) -> str:
        body = (f"<p>Mandates: {'; '.join(MANDATES)}.</p><p>Command arrangements: {'; '.join(COMMANDS)}.</p>"
                f"<p>Tools: {', '.join(TOOLS)}.</p>")
        return static_card(self.title, self.instructions, body)


def debrief_chart(frame: pd.DataFrame) -> alt.Chart:
    """The class's scores side by side, one scenario at a time (picked from a menu)."""
    if frame.empty:
        raise ValueError("There are no results to compare yet: each team saves its final plan with 'Save result', "
                         "and the instructor gathers the files into one folder.")
    long = frame.melt(id_vars=["scenario", "team"], value_vars=DIMENSIONS, var_name="score", value_name="value")
    titles = scenarios()["title"]
    long["scenario_title"] = long["scenario"].map(titles)
    options = [titles[s] for s in frame["scenario"].unique()]
    pick = alt.param(name="scenario_pick", value=options[0],
                     bind=alt.binding_select(options=options, name="Scenario "))
    chart = alt.Chart(long).mark_bar().encode(
        x=alt.X("score:N", sort=DIMENSIONS, title=None, axis=alt.Axis(labelAngle=-30, labelLimit=160)),
        xOffset=alt.XOffset("team:N"),
        y=alt.Y("value:Q", title="Score (0 to 10)", scale=alt.Scale(domain=[0, 10])),
        color=alt.Color("team:N", title="Team", legend=alt.Legend(orient="bottom", columns=2, labelLimit=260)),
        tooltip=[alt.Tooltip("team:N", title="Team"), alt.Tooltip("score:N", title="Score"),
                 alt.Tooltip("value:Q", title="Value")],
    ).transform_filter("datum.scenario_title == scenario_pick").add_params(pick).properties(
        width="container", height=300,
        title=alt.Title("The class's coalitions side by side",
                        subtitle="Higher is better for the first three scores, lower for cost and sovereignty cost"))
    teams = ", ".join(sorted(frame["team"].unique()))
    return describe(chart, source="Simulation results computed by the course's scoring model (coursekit.simulation)",
                    description=(f"Grouped bars of the five scores (legitimacy, military effectiveness, cohesion, "
                                 f"cost and sovereignty cost, each 0 to 10) for the teams {teams}, one scenario at a "
                                 "time; a menu picks the scenario."))


def class_debrief(folder: str | Path = "simulation_results"):
    """The class's own results, if any have been gathered into ``folder``; otherwise how to gather them.

    Safe to run when the folder is empty or missing (the book build, a fresh presenter view), so the
    capstone notebook can always end with it.
    """
    from IPython.display import HTML, display

    from .simulation import load_results, results_frame

    folder = Path(folder)
    files = sorted(folder.glob("*.json")) if folder.is_dir() else []
    if not files:
        display(HTML(
            "<div class='coursekit-dataset'><p><strong>No class results yet.</strong> When each team has pressed "
            f"<em>Save result</em>, gather the files into the <code>{html.escape(str(folder))}</code> folder beside "
            "this notebook and run this cell again (in the presenter view, reload the page): the class's "
            "table and chart appear here.</p></div>"))
        return None
    try:
        frame = results_frame(load_results(folder))
    except ValueError as error:  # a file whose plan cannot go ahead: name it instead of failing
        display(HTML(f"<div class='coursekit-dataset'><p><strong>A result file needs attention.</strong> "
                     f"{html.escape(str(error))}</p></div>"))
        return None
    display(frame)
    display(debrief_chart(frame))
    return frame
