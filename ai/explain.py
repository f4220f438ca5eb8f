"""The AI's explanations: a sentence with the numbers behind a decision, and its concept.

The words live in `game/text/<lang>/ai.yaml`; a reason carries its sentence as data (`say`) so that the
log can show it in the reader's language, and its English text for the record."""

from __future__ import annotations

from ai.situation import Situation
from game.text.say import Sentence, render, say


def reason(sit: Situation, concept: str, sentence: Sentence, **numbers: object) -> dict:
    """An order's reason: the sentence (ending with its concept), the concept key and the numbers."""
    clean = {k: round(v, 3) if isinstance(v, float) else v for k, v in numbers.items()}
    said = say("ai.reason", text=sentence, concept=say(f"ai.concepts.{concept}"))
    return {"text": render(said), "say": said, "concept": concept, **clean}


def rival_clause(sit: Situation, rival: str | None = None) -> tuple[Sentence, dict]:
    """'Varonia — the highest threat to us, 0.71 (power ...)' or '... the strongest state, with 44% ...'."""
    rival = rival or sit.rival
    name = sit.name(rival)
    if sit.p.rival == "threat":
        parts = sit.threat_parts(rival)
        return say("ai.rival.threat", name=name, **parts), {
            "rival": rival,
            **{k: round(v, 3) for k, v in parts.items()},
        }
    share = sit.share_of(rival)
    side = float(sit.rel.side[sit.i])
    strongest = rival == sit.board.ids[int(sit.board.share.argmax())]
    key = "ai.rival.strongest" if strongest else "ai.rival.strongest_after_us"
    return say(key, name=name, share=share, side=side), {
        "rival": rival,
        "rival_share": round(share, 3),
        "our_side": round(side, 3),
    }


def threat_words(sit: Situation, other: str) -> tuple[Sentence, dict]:
    """'threat 0.55 (power ..., proximity ..., ...)' for any other state."""
    parts = sit.threat_parts(other)
    return say("ai.threat", **parts), {k: round(v, 3) for k, v in parts.items()}
