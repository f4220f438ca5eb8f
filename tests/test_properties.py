"""Property tests: random play, legal or not, never breaks the invariants of the game."""

import json
from pathlib import Path

import pytest
from factory import pact, world
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ai.random_player import RandomPlayer
from game.engine import GameState, observe, resolve_turn
from game.engine.orders import candidate_orders
from game.engine.state import GUARANTEE
from game.scenario import load_scenario, new_game

MAPS = sorted(Path("maps").glob("*.yaml"))


def check_invariants(s: GameState) -> None:
    living = set(s.living())
    for prov in s.provinces.values():
        assert prov.owner in living, f"{prov.id} is owned by {prov.owner}, not a living state"
    for prov, stack in s.forces.items():
        assert stack, f"empty stack left in {prov}"
        owner = s.provinces[prov].owner
        for nation, strength in stack.items():
            assert isinstance(strength, int) and strength > 0
            assert nation in living
            assert nation == owner or s.partners(nation, owner), f"{nation} stands in {prov} of {owner}"
    for n in s.nations.values():
        assert n.treasury >= 0
        assert 0 <= n.legitimacy <= 100
        assert n.development > 0
        if n.alive:
            assert s.provinces[n.capital].owner == n.id
    for ag in s.agreements.values():
        assert len(ag.members) >= 2 and len(set(ag.members)) == len(ag.members)
        assert set(ag.members) <= living, f"{ag.id} names a dead state"
        assert 0 <= ag.cohesion <= 100
        if ag.kind == GUARANTEE:
            assert ag.patron in ag.members and len(ag.members) == 2
    for war in s.wars.values():
        assert war.attackers and war.defenders
        assert set(war.attackers + war.defenders) <= living
        assert not set(war.attackers) & set(war.defenders)
    assert {c.war for c in s.calls} <= set(s.wars)
    for op in s.operations.values():
        assert op.leader in living and all(v > 0 for v in op.strength.values())
    assert GameState.from_dict(json.loads(json.dumps(s.to_dict()))).to_dict() == s.to_dict()


def play(s: GameState, turns: int, seed: int, chaos: st.DataObject | None = None) -> GameState:
    """Random legal play; with `chaos`, hypothesis also throws in unchecked, possibly illegal orders."""
    for _ in range(turns):
        if s.over:
            break
        orders = []
        for nation in s.living():
            orders += RandomPlayer(nation, seed).decide(observe(s, nation))
            if chaos is not None:
                wild = candidate_orders(s, nation)
                orders += chaos.draw(st.lists(st.sampled_from(wild), max_size=3)) if wild else []
        s, _ = resolve_turn(s, orders)
        check_invariants(s)
    return s


def ring_world(seed: int) -> GameState:
    owners = {f"{n.lower()}{i}": n for n in "ABCDEF" for i in range(2)}
    ps = list(owners)
    links = [(ps[i], ps[(i + 1) % len(ps)]) for i in range(len(ps))] + [(ps[0], ps[6])]
    forces = {p: {o: 2 + i % 4} for i, (p, o) in enumerate(owners.items())}
    return world(owners, links, forces, [pact("p", "A", "C")], seed=seed)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), data=st.data())
def test_random_orders_keep_invariants_on_a_small_world(seed, data):
    play(ring_world(seed), 25, seed, chaos=data)


@pytest.mark.parametrize("path", MAPS, ids=[p.stem for p in MAPS])
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), data=st.data())
def test_random_play_keeps_invariants_on_every_shipped_map(path, seed, data):
    s = new_game(load_scenario(path), seed)
    check_invariants(s)
    play(s, 20, seed, chaos=data)
