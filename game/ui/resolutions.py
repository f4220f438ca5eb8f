"""The Assembly in words: resolutions' titles, what each kind does, and the votes of a session from the record."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from game.engine.assembly import COUNCIL_KINDS
from game.engine.orders import VOTES
from game.engine.state import GameState
from game.ui.order_text import name
from game.ui.text import t


@dataclass
class Decided:
    """A resolution the Assembly voted on: every state's vote and the outcome (blocked or vetoed by whom)."""

    id: str
    kind: str
    target: str
    sponsor: str
    votes: dict[str, str] = field(default_factory=dict)
    outcome: str = ""
    blocker: str = ""

    def tally(self) -> dict[str, int]:
        counts = Counter(self.votes.values())
        return {v: counts[v] for v in VOTES}


def decided_in(entry: dict) -> list[Decided]:
    """The resolutions decided in one turn of the record, with who blocked or vetoed each."""
    blockers = {
        e["data"].get("resolution"): e["data"].get("blocker", "")
        for e in entry.get("events", [])
        if e["type"] == "resolution"
    }
    return [Decided(**r, blocker=blockers.get(r["id"], "")) for r in entry.get("resolutions", [])]


def effect(state: GameState, kind: str) -> str:
    """What a resolution of this kind does if it passes, and whether the Council can stop it."""
    r = state.rules
    does = t(
        f"assembly.does_{kind}",
        legitimacy=r.condemn_legitimacy,
        cut=r.sanction_cut,
        turns=r.sanction_turns if kind == "sanction" else r.authorization_turns,
    )
    if kind not in COUNCIL_KINDS:
        return f"{does} {t('assembly.no_council_needed')}"
    vetoes = ", ".join(name(state, v) for v in state.veto_holders)
    council = t("assembly.council", vetoes=vetoes) if vetoes else t("assembly.council_none")
    return f"{does} {council}"


def outcome_text(d: Decided) -> str:
    """'Passed (3 yes, 1 no, 1 abstaining)' or 'Vetoed by Varonia'."""
    return t(f"assembly.outcome_{d.outcome}", blocker=d.blocker, **d.tally())
