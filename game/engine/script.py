"""The scenario's scripted events: shocks, regime changes, wars, new and vanished states, staged for a lesson."""

from __future__ import annotations

import copy

from game.engine import combat, diplomacy, metrics
from game.engine.context import Turn
from game.engine.economy import place
from game.engine.state import GameState, ScriptedEvent, Trigger, War


def run(turn: Turn) -> None:
    """Apply the events due this turn, in the order of the map file.

    Which events are due is decided first, from the board as the turn begins: those scripted for this
    turn, and each conditional event whose conditions hold now for the first time. A conditional event
    happens once; an event whose state is gone by then does nothing.
    """
    s = turn.state
    due = [ev for ev in s.script if _due(s, ev)]
    shares = _shares(s, due)
    due = [ev for ev in due if ev.when is None or _holds(s, ev.when, shares)]
    for ev in due:
        ev.fired = True
        if _skipped(s, ev):
            continue
        first = len(turn.events)
        _APPLY[ev.kind](turn, ev)
        turn.log(
            "scripted",
            [ev.state] if ev.state else [],
            ev.concept,
            kind=ev.kind,
            actor=ev.state,
            target=ev.target,
            message=ev.text,
            factor=ev.factor,
            **({"provinces": len(ev.provinces)} if ev.provinces else {}),
        )
        turn.events.insert(first, turn.events.pop())  # the event first, then what it caused


def _due(s: GameState, ev: ScriptedEvent) -> bool:
    """Scripted for this turn, or conditional, not yet fired and inside its turn window."""
    if ev.when is None:
        return ev.turn == s.turn
    window = ev.when.first_turn <= s.turn and (not ev.when.last_turn or s.turn <= ev.when.last_turn)
    return not ev.fired and window


def _shares(s: GameState, due: list[ScriptedEvent]) -> dict[str, float]:
    """Every state's power share, computed only when a due event asks for one."""
    if not any(ev.when and ev.when.share_of for ev in due):
        return {}
    m = metrics.compute(s)
    return {nation: float(m.share_of(nation)) for nation in s.nations}


def _holds(s: GameState, when: Trigger, shares: dict[str, float]) -> bool:
    """Whether every condition given holds on this board."""
    if when.eliminated:
        gone = s.nations.get(when.eliminated)
        if gone is None or gone.alive:
            return False
    if when.share_of:
        if when.share_of not in shares:  # a state an event has not added yet
            return False
        share = shares[when.share_of]
        if when.above is not None and not share > when.above:
            return False
        if when.below is not None and not share < when.below:
            return False
    return True


def _skipped(s: GameState, ev: ScriptedEvent) -> bool:
    """An event whose state (or heir) is gone does nothing; a new state must be new."""
    if ev.kind == "message":
        return False
    if ev.kind == "add_state":
        return ev.state in s.nations
    nation = s.nations.get(ev.state)
    if nation is None or not nation.alive:
        return True
    if ev.kind == "remove_state":
        heir = s.nations.get(ev.target)
        return heir is None or not heir.alive
    return False


def _shock(turn: Turn, ev: ScriptedEvent) -> None:
    nation = turn.state.nations[ev.state]
    nation.production_factor = round(nation.production_factor * ev.factor, 6)


def _regime_change(turn: Turn, ev: ScriptedEvent) -> None:
    nation = turn.state.nations[ev.state]
    nation.values = list(ev.values) or nation.values
    nation.controller.personality = ev.personality or nation.controller.personality


def _values(turn: Turn, ev: ScriptedEvent) -> None:
    """New values, figures or objective, the regime unchanged."""
    nation = turn.state.nations[ev.state]
    nation.values = list(ev.values) or nation.values
    nation.objective = ev.objective or nation.objective
    for name, value in ev.figures.items():
        setattr(nation, name, value)


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


def _add_state(turn: Turn, ev: ScriptedEvent) -> None:
    """The new state takes its provinces from whoever holds them and raises its forces there."""
    s = turn.state
    assert ev.nation is not None
    nation = copy.deepcopy(ev.nation)
    s.nations[nation.id] = nation
    _hand_over(turn, ev.provinces, nation.id)
    for prov, strength in ev.forces.items():
        place(s, prov, nation.id, strength)
    nation.start_provinces = len(ev.provinces)
    nation.start_income = round(metrics.base_income(s, nation.id), 6)


def _remove_state(turn: Turn, ev: ScriptedEvent) -> None:
    """The heir takes the state's provinces, the forces standing in them and its treasury."""
    s = turn.state
    land = s.owned(ev.state)
    for prov in land:
        strength = s.forces.get(prov, {}).get(ev.state, 0)
        if strength:
            place(s, prov, ev.state, -strength)
            place(s, prov, ev.target, strength)
    heir, gone = s.nations[ev.target], s.nations[ev.state]
    heir.treasury = round(heir.treasury + gone.treasury, 6)
    gone.treasury = 0.0
    _hand_over(turn, land, ev.target)


def _hand_over(turn: Turn, provinces: list[str], owner: str) -> None:
    """The provinces change hands: a holder that lost its capital moves it, forces that may not stand
    there (neither the owner's nor a partner's) go home, a state left without land is eliminated."""
    s = turn.state
    for prov in provinces:
        s.provinces[prov].owner = owner
    combat.settle_capitals(turn)
    for prov in provinces:
        for nation in sorted(s.forces.get(prov, {})):
            if nation != owner and not s.partners(nation, owner):
                combat.send_home(s, prov, nation)
    combat.eliminate_defeated(turn)


def _message(turn: Turn, ev: ScriptedEvent) -> None:
    """A message only informs; the log entry is the whole event."""


_APPLY = {
    "production_shock": _shock,
    "regime_change": _regime_change,
    "values": _values,
    "war": _war,
    "add_state": _add_state,
    "remove_state": _remove_state,
    "message": _message,
}
