"""Chapter 3's "design an exercise" model: a deliberately simple, fully visible scoring of a design.

Four questions a planner asks of any exercise, each scored 0-10 by a few explicit rules; every
point comes with its reason, so learners can argue with the model instead of trusting it. The
rules follow the chapter: exercises build interoperability, reassure allies and signal resolve,
cost money, and can be misread by a rival.
"""
from __future__ import annotations

from dataclasses import dataclass

from .feedback import Feedback
from .scoring import ExplainedScores, scores_table_html

PARTNERS = ["treaty allies", "non-allied partners", "states bordering a rival", "observers from non-aligned states"]
DOMAINS = ["maritime", "land", "air", "joint", "cyber", "humanitarian"]
SCALES = ["small (under 1,000 personnel)", "medium (1,000 to 10,000)", "large (over 10,000)"]
LOCATIONS = ["home territory or waters", "international waters or airspace", "a partner's territory near a rival",
             "networks only (cyber range)"]
DIMENSIONS = ["interoperability gained", "reassurance and signalling", "cost", "risk of escalation or misreading"]


@dataclass(frozen=True)
class Design:
    partners: tuple[str, ...]
    domain: str
    scale: str
    location: str


def problems(design: Design) -> list[str]:
    """Why a design cannot be assessed: unknown choices, or choices that contradict each other."""
    found = []
    for name, value, allowed in (("domain", design.domain, DOMAINS), ("scale", design.scale, SCALES),
                                 ("location", design.location, LOCATIONS)):
        if value not in allowed:
            found.append(f"{value!r} is not a {name} the model knows; choose one of: {', '.join(allowed)}.")
    unknown = [p for p in design.partners if p not in PARTNERS]
    if unknown:
        found.append(f"{', '.join(map(repr, unknown))} is not a kind of partner the model knows.")
    if not design.partners:
        found.append("Choose at least one kind of partner: an exercise with none is national training, "
                     "not military diplomacy.")
    elif set(design.partners) == {"observers from non-aligned states"}:
        found.append("Observers watch; they do not exercise. Add at least one kind of participating partner.")
    if design.domain == "cyber" and design.location != "networks only (cyber range)":
        found.append("A cyber exercise is fought on networks and cyber ranges, not on territory: choose "
                     "'networks only (cyber range)' as the location.")
    if design.location == "networks only (cyber range)" and design.domain != "cyber":
        found.append(f"A {design.domain} exercise needs ships, troops or aircraft somewhere: only a cyber exercise "
                     "can be held on networks alone.")
    return found


def assess(design: Design) -> ExplainedScores:
    """Score a valid design (call ``problems`` first)."""
    a = ExplainedScores(DIMENSIONS)
    interop, signal, cost, risk = DIMENSIONS
    partners = set(design.partners)
    # Interoperability: what the forces learn about working together.
    a.add(interop, {"joint": 3, "humanitarian": 1}.get(design.domain, 2),
          {"joint": "several services must work to one plan, the hardest and most valuable skill",
           "humanitarian": "relief drills build contacts and logistics habits more than combat procedures"}.get(
              design.domain, f"a single-domain ({design.domain}) exercise trains one service's procedures"))
    if "non-allied partners" in partners:
        a.add(interop, 2, "partners with different procedures and equipment have the most to learn from each other")
    if "treaty allies" in partners:
        a.add(interop, 1, "allies already share standards, so each exercise adds less, but keeps skills current")
    a.add(interop, SCALES.index(design.scale), "more units and headquarters have to coordinate"
          if design.scale != SCALES[0] else "a small exercise limits how many units can practise together")
    # Reassurance and signalling: what allies and rivals read into it.
    if "treaty allies" in partners:
        a.add(signal, 2, "exercising with treaty allies shows that the commitment is practised, not just written")
    if "states bordering a rival" in partners:
        a.add(signal, 2, "partners on a rival's border make the exercise a visible statement of support")
    a.add(signal, SCALES.index(design.scale) * 2, "size is the most visible signal of resolve"
          if design.scale != SCALES[0] else "a small exercise draws little attention")
    location_signal = {"a partner's territory near a rival": (3, "exercising near a rival sends the clearest message"),
                       "international waters or airspace": (1, "operating in shared waters or airspace is seen, "
                                                              "but is routine"),
                       "home territory or waters": (0, "at home, the exercise says little to outsiders")}
    if design.location in location_signal:
        a.add(signal, *location_signal[design.location])
    if design.domain == "humanitarian":
        a.add(signal, -1, "a relief drill signals goodwill and capacity rather than military resolve")
    # Cost: money, fuel and time.
    a.add(cost, [1, 3, 6][SCALES.index(design.scale)], "cost rises steeply with the number of people and platforms")
    if design.location == "a partner's territory near a rival":
        a.add(cost, 2, "deploying forces abroad and sustaining them far from home is expensive")
    elif design.location == "international waters or airspace":
        a.add(cost, 1, "ships and aircraft must transit to the exercise area")
    elif design.location == "networks only (cyber range)":
        a.add(cost, -1, "a cyber exercise moves no forces; its costs are people and ranges")
    # Risk: the chance that a rival misreads the exercise or that forces meet unsafely.
    if design.location == "a partner's territory near a rival":
        a.add(risk, 3, "a rival may read an exercise on its border as preparation for attack")
        if design.scale == SCALES[2]:
            a.add(risk, 2, "a large exercise near a rival is the classic trigger of alarm and counter-exercises")
    if design.location == "international waters or airspace" and design.domain in ("maritime", "air", "joint"):
        a.add(risk, 1, "unplanned encounters with a rival's ships or aircraft are possible; rules such as CUES help")
    if "states bordering a rival" in partners:
        a.add(risk, 1, "the rival may see the exercise as aimed at it")
    if "observers from non-aligned states" in partners:
        a.add(risk, -2, "inviting observers makes the exercise's purpose transparent and lowers the risk of misreading")
    if design.domain == "humanitarian":
        a.add(risk, -1, "relief drills are the least threatening kind of exercise")
    a.scores = a.clipped()
    return a


def evaluate(partners, domain, scale, location) -> tuple[Feedback, ExplainedScores | None]:
    """The widget's answer: a clear message for an impossible design, or scores with their reasons."""
    design = Design(tuple(partners or ()), domain, scale, location)
    found = problems(design)
    if found:
        return Feedback("invalid", " ".join(found)), None
    result = assess(design)
    s = result.scores
    interop, signal, cost, risk = DIMENSIONS
    if s[signal] >= 6 and s[risk] >= 5:
        verdict = "A strong signal bought with real escalation risk: consider observers, notification or a location further from the rival."
    elif s[interop] >= 5 and s[cost] <= 3:
        verdict = "Good value: much interoperability for a modest cost."
    elif s[cost] >= 7 and s[interop] <= 4:
        verdict = "Expensive for what the forces learn: a smaller or more joint design may teach as much."
    else:
        verdict = "A balanced design; read the reasons to see which choice moves which score."
    return Feedback("assessment", verdict), result


def assessment_html(result: ExplainedScores) -> str:
    return scores_table_html(DIMENSIONS, result.scores, result.reasons, heading="Question")
