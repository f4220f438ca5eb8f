"""The AI's explanations: a plain-language sentence with the numbers behind a decision, and its concept."""

from __future__ import annotations

from ai.situation import Situation

CONCEPT_TEXT = {
    "balance_of_power": "balance of power",
    "balance_of_threat": "balance of threat",
    "bandwagoning": "bandwagoning",
    "soft_balancing": "soft balancing",
    "hub_and_spokes": "hub and spokes",
    "benefits_of_membership": "benefits of membership",
    "free_riding": "free-riding",
    "internal_balancing": "internal balancing",
    "hard_balancing": "hard balancing",
    "alliance": "collective defense",
    "alliance_cohesion": "alliance cohesion",
    "collective_security": "collective security",
    "chain_ganging": "chain-ganging",
    "buck_passing": "buck-passing",
    "end_of_alliances": "the end of alliances",
    "asymmetric_alliance": "asymmetric alliance",
    "informal_obligations": "informal obligations",
    "legitimacy": "legitimacy",
    "security_dilemma": "security dilemma",
    "polarity": "polarity",
}


def reason(sit: Situation, concept: str, text: str, **numbers: object) -> dict:
    """An order's reason: the sentence (ending with its concept), the concept key and the numbers."""
    clean = {k: round(v, 3) if isinstance(v, float) else v for k, v in numbers.items()}
    return {"text": f"{text}: {CONCEPT_TEXT.get(concept, concept)}.", "concept": concept, **clean}


def pct(x: float) -> str:
    return f"{x:.0%}"


def rival_clause(sit: Situation, rival: str | None = None) -> tuple[str, dict]:
    """'Varonia — the highest threat to us, 0.71 (power ...)' or '... the strongest state, with 44% ...'."""
    rival = rival or sit.rival
    name = sit.name(rival)
    if sit.p.rival == "threat":
        parts = sit.threat_parts(rival)
        text = (
            f"{name} — the highest threat to us, {parts['threat']:.2f} (power {parts['power']:.2f}, "
            f"proximity {parts['proximity']:.2f}, offensive capability {parts['offense']:.2f}, "
            f"aggressive intentions {parts['intent']:.2f})"
        )
        return text, {"rival": rival, **{k: round(v, 3) for k, v in parts.items()}}
    share = sit.share_of(rival)
    side = float(sit.rel.side[sit.i])
    strongest = rival == sit.board.ids[int(sit.board.share.argmax())]
    rank = "the strongest state" if strongest else "the strongest state after us"
    text = f"{name} — {rank}, with {pct(share)} of all power against {pct(side)} on our side"
    return text, {"rival": rival, "rival_share": round(share, 3), "our_side": round(side, 3)}


def threat_words(sit: Situation, other: str) -> tuple[str, dict]:
    """'threat 0.55 (power ..., proximity ..., ...)' for any other state."""
    parts = sit.threat_parts(other)
    text = (
        f"threat {parts['threat']:.2f} (power {parts['power']:.2f}, proximity {parts['proximity']:.2f}, "
        f"offensive capability {parts['offense']:.2f}, aggressive intentions {parts['intent']:.2f})"
    )
    return text, {k: round(v, 3) for k, v in parts.items()}
