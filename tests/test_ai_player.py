"""The AI interface: legal, explained orders from a state's own view, which it never changes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from ai.player import TheoryPlayer, make_player
from ai.random_player import RandomPlayer
from game.engine import GameState, observe, resolve_turn, validate
from game.scenario import load_scenario
from game.session import Game, new_state
from game.text.__init__ import catalog

MAPS = ["maps/tutorial.yaml", "maps/europe-1914.yaml"]
THEORIES = ["balance_of_power", "balance_of_threat", "hegemon", "soft_balancer", "bandwagoner"]
GLOSSARY = {
    "alliance",
    "alliance_cohesion",
    "collective_security",
    "hard_balancing",
    "internal_balancing",
    "soft_balancing",
    "balance_of_power",
    "balance_of_threat",
    "benefits_of_membership",
    "end_of_alliances",
    "asymmetric_alliance",
    "informal_obligations",
    "legitimacy",
    "hub_and_spokes",
    "bandwagoning",
    "buck_passing",
    "chain_ganging",
    "free_riding",
    "polarity",
    "security_dilemma",
}


def played(path: str, turns: int, seed: int = 1, difficulty: str = "normal") -> list[GameState]:
    """The states of an all-AI game turn by turn (each state's own personality)."""
    state = new_state(load_scenario(path), seed)
    players = {
        n: make_player(n, state.nations[n].controller.personality, difficulty, seed) for n in state.nations
    }
    states = [state]
    for _ in range(turns):
        orders = {n: players[n].decide(observe(state, n)) for n in state.living()}
        state, _ = resolve_turn(state, orders)
        states.append(state)
    return states


@pytest.mark.parametrize("path", MAPS)
@pytest.mark.parametrize("theory", THEORIES)
def test_every_order_is_legal_explained_and_leaves_the_view_alone(path: str, theory: str) -> None:
    for state in played(path, 4)[::2]:
        for nation in state.living():
            view = observe(state, nation)
            before = json.dumps(view.to_dict(), sort_keys=True)
            orders = TheoryPlayer(nation, theory, "normal", 7).decide(view)
            assert json.dumps(view.to_dict(), sort_keys=True) == before
            accepted, rejected = validate(view, nation, orders)
            assert not rejected and len(accepted) == len(orders)
            for order in orders:
                assert order.actor == nation
                assert order.reason["concept"] in GLOSSARY, order.reason
                assert len(order.reason["text"]) > 20
                json.dumps(order.reason)
                assert not {"actor", "order", "type", "self"} & set(order.reason)


@pytest.mark.parametrize("difficulty", ["easy", "hard"])
def test_views_share_the_state_yet_deciding_leaves_it_as_it_was(difficulty: str) -> None:
    state = played("maps/europe-1914.yaml", 3)[-1]
    before = json.dumps(state.to_dict(), sort_keys=True)
    for nation in state.living():
        view = observe(state, nation)
        assert view.forces is state.forces and view.rng == {}
        TheoryPlayer(nation, "balance_of_threat", difficulty, 3).decide(view)
    assert json.dumps(state.to_dict(), sort_keys=True) == before


def test_decisions_reach_the_record_as_explained_events() -> None:
    game = Game.new(load_scenario("maps/tutorial.yaml"), 3)
    for _ in range(3):
        game.play_turn()
    decisions = [e for t in game.record.turns for e in t["events"] if e["type"] == "decision"]
    assert decisions
    template = catalog("en")["events"]["decision"]
    assert template == "{actor_name}: {text}"
    assert all(e["text"].count(":") >= 2 and e["concept"] in GLOSSARY for e in decisions)
    kinds = {e["data"]["order"]["type"] for e in decisions}
    assert {"budget", "propose", "vote"} <= kinds


@pytest.mark.parametrize("difficulty", ["easy", "normal", "hard"])
def test_the_same_view_and_seed_give_the_same_orders(difficulty: str) -> None:
    state = played("maps/tutorial.yaml", 2)[-1]
    for nation in state.living():
        first = TheoryPlayer(nation, "balance_of_threat", difficulty, 5).decide(observe(state, nation))
        again = TheoryPlayer(nation, "balance_of_threat", difficulty, 5).decide(observe(state, nation))
        assert [o.to_dict() for o in first] == [o.to_dict() for o in again]


def test_random_personality_is_the_random_player_and_bad_difficulty_is_refused() -> None:
    assert isinstance(make_player("VAR", "random", "normal", 1), RandomPlayer)
    with pytest.raises(ValueError, match="unknown difficulty"):
        make_player("VAR", "hegemon", "impossible", 1)


def test_an_eliminated_state_or_a_finished_game_gives_no_orders() -> None:
    state = new_state(load_scenario("maps/tutorial.yaml"), 1)
    view = observe(state, "OST")
    view.nations["OST"].alive = False
    assert TheoryPlayer("OST", "bandwagoner", "normal", 1).decide(view) == []
    view = observe(state, "KAR")
    view.over = True
    assert TheoryPlayer("KAR", "balance_of_power", "normal", 1).decide(view) == []


def test_the_ai_sees_only_its_own_proposals() -> None:
    state = played("maps/tutorial.yaml", 1)[-1]
    assert state.proposals, "the first turn should leave proposals to answer"
    for nation in state.living():
        view = observe(state, nation)
        assert all(nation in (p.sender, p.recipient) for p in view.proposals)
        for order in TheoryPlayer(nation, "balance_of_threat", "normal", 1).decide(view):
            if order.type == "answer":
                assert any(p.id == order.proposal and p.recipient == nation for p in view.proposals)


def test_a_regime_change_gives_the_state_its_new_personality() -> None:
    state = new_state(load_scenario("maps/tutorial.yaml"), 1)
    player = TheoryPlayer("OST", "bandwagoner", "normal", 1)
    player.decide(observe(state, "OST"))
    assert player.personality == "bandwagoner"
    state.nations["OST"].controller.personality = "soft_balancer"  # as a scripted regime change does
    player.decide(observe(state, "OST"))
    assert player.personality == "soft_balancer"


def test_the_ai_never_imports_pygame() -> None:
    code = (
        "import sys, ai.player, ai.tournament, ai.bench, ai.lookahead; "
        "assert not any(m == 'pygame' or m.startswith('pygame.') for m in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
