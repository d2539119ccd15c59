"""The capstone's coalition-building simulation: validate a team's plan, then score it and say why.

A plan names a lead nation, its partners, a mandate, a command arrangement, the tools the coalition
will use and how it shares the bill. ``problems`` lists every reason a plan cannot go ahead (most
often a partner's red line); ``score`` gives five scores from 0 to 10, each point with its reason.
Nothing is random: the same plan always gets the same scores. The roles, scenarios and injects are
fictional and live in data/ like every other dataset, validated by the same schema checks.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd

from .data import load_table
from .scoring import ExplainedScores

MANDATES = ["UN Security Council mandate", "regional organisation mandate", "alliance operation",
            "coalition of the willing"]
COMMANDS = ["integrated command under the lead nation", "lead nation with national caveats",
            "parallel national commands with a coordination cell"]
INTEGRATED, CAVEATS, PARALLEL = COMMANDS
UN, REGIONAL, ALLIANCE, WILLING = MANDATES
ALLIANCE_MEMBERS = {"arvandia", "estrava"}  # the simulation's one alliance


@dataclass(frozen=True)
class Tool:
    capability: str | None  # which capability the partners must pool
    needs: int              # how much of it, summed over the partners
    cost: int
    combat: bool


TOOLS = {
    "naval escort": Tool("maritime", 6, 2, True),
    "maritime patrol": Tool("maritime", 4, 1, False),
    "intelligence sharing": Tool("intelligence", 4, 0, False),
    "logistics hub": Tool("logistics", 5, 1, False),
    "relief corridor": Tool("relief", 5, 1, False),
    "air policing": Tool("air", 5, 1, True),
    "joint rehearsal exercise": Tool(None, 0, 1, False),
    "strikes on militant bases": Tool("air", 6, 2, True),
    "deconfliction hotline": Tool(None, 0, 0, False),
}
DIMENSIONS = ["legitimacy", "military effectiveness", "cohesion", "cost", "sovereignty cost"]


@dataclass(frozen=True)
class Plan:
    scenario: str
    team: str
    lead: str
    partners: tuple[str, ...]           # every state in the coalition, the lead included
    mandate: str
    command: str
    tools: tuple[str, ...] = ()
    shares: dict = field(default_factory=dict)  # role -> per cent of the bill; empty means equal shares


@dataclass
class Result:
    plan: Plan
    scores: dict[str, int]
    reasons: dict[str, list[str]]

    def to_dict(self) -> dict:
        return {"plan": {**asdict(self.plan), "partners": list(self.plan.partners), "tools": list(self.plan.tools)},
                "scores": self.scores, "reasons": self.reasons}


def roles() -> pd.DataFrame:
    return load_table("simulation_roles").set_index("role_id")


def scenarios() -> pd.DataFrame:
    return load_table("simulation_scenarios").set_index("scenario_id")


def injects(scenario: str) -> pd.DataFrame:
    frame = load_table("simulation_injects")
    return frame[frame["scenario_id"] == scenario].sort_values("round")


def _name(role: str) -> str:
    return role.capitalize()


def problems(plan: Plan) -> list[str]:
    """Every reason the plan cannot go ahead, in words a team can act on (empty if it can)."""
    role_table, scenario_table = roles(), scenarios()
    found = []
    if plan.scenario not in scenario_table.index:
        return [f"There is no scenario {plan.scenario!r}; choose one of: {', '.join(scenario_table.index)}."]
    unknown = [p for p in (*plan.partners, plan.lead) if p not in role_table.index]
    if unknown:
        return [f"{', '.join(map(repr, sorted(set(unknown))))} is not a state in the simulation; the states are: "
                f"{', '.join(role_table.index)}."]
    for value, allowed, what in ((plan.mandate, MANDATES, "mandate"), (plan.command, COMMANDS, "command arrangement")):
        if value not in allowed:
            found.append(f"{value!r} is not a {what} in the simulation; choose one of: {'; '.join(allowed)}.")
    unknown_tools = [t for t in plan.tools if t not in TOOLS]
    if unknown_tools:
        found.append(f"{', '.join(map(repr, unknown_tools))} is not a tool in the simulation.")
    partners = set(plan.partners)
    if len(partners) < 2:
        found.append("A coalition needs at least two states: choose partners for the lead nation.")
    if plan.lead not in partners:
        found.append(f"The lead nation, {_name(plan.lead)}, must also be one of the partners.")
    if found:
        return found

    combat = any(TOOLS[t].combat for t in plan.tools)
    red_lines = {
        "no_foreign_command": lambda r: plan.command == INTEGRATED and plan.lead != r,
        "needs_legal_mandate": lambda r: plan.mandate not in (UN, REGIONAL),
        "no_combat": lambda r: plan.lead == r and combat,
        "needs_un_mandate": lambda r: plan.mandate != UN,
        "needs_alliance_or_un": lambda r: plan.mandate not in (ALLIANCE, UN),
        "no_alliance_flag": lambda r: plan.mandate == ALLIANCE,
        "not_led_by_arvandia": lambda r: plan.lead == "arvandia",
        "none": lambda r: False,
    }
    for role in sorted(partners):
        kind = role_table.loc[role, "red_line"]
        if red_lines[kind](role):
            found.append(f"{role_table.loc[role, 'name']}'s red line: {role_table.loc[role, 'red_line_text']} "
                         "Change the plan or leave it out.")
    if plan.mandate == ALLIANCE and plan.lead not in ALLIANCE_MEMBERS:
        found.append("Only a member of the alliance (Arvandia or Estrava) can lead an alliance operation.")
    if plan.mandate == UN and "gorvath" not in partners and "strikes on militant bases" in plan.tools:
        found.append("Gorvath, a permanent member of the Security Council left out of the coalition, would veto a "
                     "mandate that authorises strikes: drop the strikes, bring Gorvath in, or choose another mandate.")
    for tool in plan.tools:
        spec = TOOLS[tool]
        if spec.capability:
            pooled = int(role_table.loc[list(partners), spec.capability].sum())
            if pooled < spec.needs:
                found.append(f"A {tool} needs pooled {spec.capability} capability of at least {spec.needs}; your "
                             f"partners have {pooled}. Add partners who bring it, or drop the {tool}.")
    if plan.shares:
        strangers = sorted(set(plan.shares) - partners)
        if strangers:
            found.append(f"Only partners pay: {', '.join(map(_name, strangers))} is not in the coalition.")
        if any(not isinstance(v, (int, float)) or v < 0 for v in plan.shares.values()):
            found.append("Burden shares must be numbers of zero or more.")
        elif abs(sum(plan.shares.values()) - 100) > 0.5:
            found.append(f"Burden shares must add up to 100 per cent; yours add up to {sum(plan.shares.values()):g}.")
    return found


def score(plan: Plan) -> Result:
    """Score a plan that has no problems (call ``problems`` first)."""
    role_table, scenario = roles(), scenarios().loc[plan.scenario]
    partners = set(plan.partners)
    s = ExplainedScores(DIMENSIONS)
    legit, effect, cohesion, cost, sovereignty = DIMENSIONS

    # Legitimacy: who authorised it and who takes part (Chapters 1 and 2).
    s.add(legit, {UN: 6, REGIONAL: 5, ALLIANCE: 3, WILLING: 2}[plan.mandate],
          {UN: "a Security Council mandate is the strongest legal basis for using force abroad",
           REGIONAL: "a regional organisation's mandate gives the operation local ownership",
           ALLIANCE: "an alliance operation is lawful but looks to outsiders like one bloc acting",
           WILLING: "a coalition of the willing has only its members' word for its legitimacy"}[plan.mandate])
    regional = sorted(p for p in partners if role_table.loc[p, "regional"])
    if regional:
        s.add(legit, min(2, len(regional)), f"regional states take part ({', '.join(map(_name, regional))}), "
                                            "answering the charge that outsiders impose the solution")
    if scenario["host"] in partners:
        s.add(legit, 1, f"the host state, {_name(scenario['host'])}, is a partner and consents to the operation")
    if "relief corridor" in plan.tools:
        s.add(legit, 1, "visible relief shows what the operation is for")
    if "strikes on militant bases" in plan.tools:
        s.add(legit, -2, "strikes on another state's territory stretch any mandate and alarm neighbours")

    # Military effectiveness: does the coalition cover what the crisis needs, under workable command?
    for need in scenario["needs"].split(";"):
        if need in plan.tools:
            s.add(effect, 2, f"the plan covers a need of this crisis: {need}")
        else:
            s.add(effect, 0, f"the crisis needs a {need}, and the plan has none")
    s.add(effect, {INTEGRATED: 2, CAVEATS: -1, PARALLEL: 0}[plan.command],
          {INTEGRATED: "one commander directs every force: unity of command",
           CAVEATS: "national caveats limit how the commander may use forces, as in ISAF",
           PARALLEL: "parallel commands coordinate instead of commanding, as in the 1991 Gulf War"}[plan.command])
    for tool, reason in (("intelligence sharing", "shared intelligence gives every partner the same picture"),
                         ("joint rehearsal exercise", "a rehearsal exercise builds interoperability before the crisis peaks")):
        if tool in plan.tools:
            s.add(effect, 1, reason)

    # Cohesion: will the coalition hold together?
    s.add(cohesion, 6, "a starting point: every coalition begins with some goodwill")
    if len(partners) > 5:
        s.add(cohesion, -1, f"{len(partners)} partners bring more views to reconcile")
    s.add(cohesion, {INTEGRATED: -1, CAVEATS: 1, PARALLEL: 1}[plan.command],
          {INTEGRATED: "partners must place forces under another state's commander, which some resent",
           CAVEATS: "caveats let reluctant partners join on their own terms",
           PARALLEL: "each partner keeps command of its own forces, so sovereignty is respected"}[plan.command])
    if plan.mandate == UN:
        s.add(cohesion, 1, "a mandate settles arguments about legality in partners' parliaments")
    if {"arvandia", "gorvath"} <= partners:
        s.add(cohesion, -1, "rival great powers inside one coalition strain its unity")
    shares = plan.shares or {p: 100 / len(partners) for p in partners}
    funds = role_table.loc[list(partners), "funds"].astype(float)
    fair = (funds / funds.sum() * 100).to_dict()
    lopsided = sorted(p for p in partners if shares.get(p, 0) > 2 * fair[p] + 1)
    free_riders = sorted(p for p in partners if fair[p] > 15 and shares.get(p, 0) < fair[p] / 3)
    if not plan.shares:
        s.add(cohesion, 0, "no burden shares agreed yet: the model assumes equal shares")
    if lopsided:
        s.add(cohesion, -1, f"{', '.join(map(_name, lopsided))} pay more than twice what their wealth suggests, "
                            "which breeds resentment")
    if free_riders:
        s.add(cohesion, -1, f"{', '.join(map(_name, free_riders))} pay far less than their wealth suggests: "
                            "others will call it free-riding")
    if plan.shares and not lopsided and not free_riders:
        s.add(cohesion, 1, "the bill is shared roughly in line with each partner's means")

    # Cost of the operation to the coalition.
    for tool in plan.tools:
        if TOOLS[tool].cost:
            s.add(cost, TOOLS[tool].cost, f"{tool} costs money, fuel and time")
    if any(TOOLS[t].combat for t in plan.tools):
        s.add(cost, 1, "combat tasks need reserves, medical support and munitions")

    # Sovereignty cost: how much partners give up.
    s.add(sovereignty, {INTEGRATED: 4, CAVEATS: 2, PARALLEL: 1}[plan.command],
          {INTEGRATED: "partners hand operational control of their forces to the lead nation",
           CAVEATS: "partners hand over control but keep caveats on its use",
           PARALLEL: "partners keep command of their own forces"}[plan.command])
    if plan.mandate == ALLIANCE:
        s.add(sovereignty, 1, "alliance procedures and planning bind the members")
    if "intelligence sharing" in plan.tools:
        s.add(sovereignty, 1, "sharing intelligence exposes sources and methods to partners")
    if scenario["host"] in partners and "logistics hub" in plan.tools:
        s.add(sovereignty, 1, f"{_name(scenario['host'])} hosts foreign forces on its own soil")

    # The injects read out in rounds 2 and 3 test whether the plan prepared for them.
    for _, inject in injects(plan.scenario).iterrows():
        if inject["requires_tool"] not in plan.tools:
            s.add(inject["dimension"], int(inject["points"]), f"round {inject['round']}, '{inject['title']}': "
                                                              f"{inject['reason']}")
    return Result(plan, s.clipped(), s.reasons)


def play(plan: Plan) -> tuple[list[str], Result | None]:
    """Problems if the plan cannot go ahead; otherwise its scored result."""
    found = problems(plan)
    return (found, None) if found else ([], score(plan))


def save_result(result: Result, folder: str | Path) -> Path:
    """Write a team's result as JSON, so an instructor can gather every team's file for the debrief."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    safe = "".join(c if c.isalnum() else "_" for c in f"{result.plan.scenario}_{result.plan.team}")
    path = folder / f"{safe}.json"
    path.write_text(json.dumps(result.to_dict(), indent=2), encoding="utf-8")
    return path


def load_results(folder: str | Path) -> list[Result]:
    """Every saved result in a folder, re-scored from its plan (a file cannot carry made-up scores)."""
    results = []
    for path in sorted(Path(folder).glob("*.json")):
        plan_data = json.loads(path.read_text(encoding="utf-8"))["plan"]
        plan = Plan(**{**plan_data, "partners": tuple(plan_data["partners"]), "tools": tuple(plan_data["tools"])})
        found, result = play(plan)
        if found:
            raise ValueError(f"{path.name}: this plan cannot go ahead: {' '.join(found)}")
        results.append(result)
    return results


def results_frame(results: list[Result]) -> pd.DataFrame:
    """The class's results side by side: one row per team and scenario, one column per score."""
    return pd.DataFrame([{"scenario": r.plan.scenario, "team": r.plan.team, "lead": _name(r.plan.lead),
                          "mandate": r.plan.mandate, **r.scores} for r in results])
