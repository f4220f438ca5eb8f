"""The scenario's scripted events: shocks, regime changes and wars staged for a lesson."""

from __future__ import annotations

from game.engine import diplomacy
from game.engine.context import Turn
from game.engine.state import ScriptedEvent, War


def run(turn: Turn) -> None:
    """Apply every event scripted for this turn, in the order of the map file."""
    for ev in [e for e in turn.state.script if e.turn == turn.state.turn]:
        nation = turn.state.nations.get(ev.state)
        if ev.kind != "message" and (nation is None or not nation.alive):
            continue
        _APPLY[ev.kind](turn, ev)
        turn.log(
            "scripted",
            [ev.state] if ev.state else [],
            "",
            kind=ev.kind,
            actor=ev.state,
            target=ev.target,
            message=ev.text,
            factor=ev.factor,
        )


def _shock(turn: Turn, ev: ScriptedEvent) -> None:
    nation = turn.state.nations[ev.state]
    nation.production_factor = round(nation.production_factor * ev.factor, 6)


def _regime_change(turn: Turn, ev: ScriptedEvent) -> None:
    nation = turn.state.nations[ev.state]
    nation.values = list(ev.values) or nation.values
    nation.controller.personality = ev.personality or nation.controller.personality


def _war(turn: Turn, ev: ScriptedEvent) -> None:
    """The attacker first leaves any agreement it shares with its target, then the war begins."""
    s = turn.state
    target = s.nations.get(ev.target)
    if target is None or not target.alive or s.at_war(ev.state, ev.target):
        return
    for ag in [a for a in s.agreements_of(ev.state) if ev.target in a.members]:
        diplomacy.drop_member(turn, ag, ev.state, "war")
    war = War(id=s.new_id("war"), attackers=[ev.state], defenders=[ev.target], started=s.turn)
    s.wars[war.id] = war
    diplomacy.call_to_arms(turn, war)


def _message(turn: Turn, ev: ScriptedEvent) -> None:
    """A message only informs; the log entry is the whole event."""


_APPLY = {"production_shock": _shock, "regime_change": _regime_change, "war": _war, "message": _message}
