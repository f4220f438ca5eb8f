"""The theory lens's figures (no pygame): threats and their components, the network, cohesion, history."""

from __future__ import annotations

from pathlib import Path

import pytest
from factory import bloc, guarantee, pact, world

from game.engine import compute_metrics, resolve_turn
from game.lens import History, Lens, history_of
from game.scenario import load_scenario
from game.session import Game

LINE = {"a1": "A", "b1": "B", "c1": "C", "d1": "D"}
LINKS = [("a1", "b1"), ("b1", "c1"), ("c1", "d1")]


def lens_of(state) -> Lens:
    return Lens(state, compute_metrics(state))


def test_threats_are_the_viewers_row_of_the_metrics_most_threatening_first():
    state = world(LINE, LINKS, forces={"a1": {"A": 30}, "b1": {"B": 3}, "c1": {"C": 3}, "d1": {"D": 3}})
    lens = lens_of(state)
    threats = lens.threats("B")
    assert [x.nation for x in threats][0] == "A" and "B" not in [x.nation for x in threats]
    assert [x.threat for x in threats] == sorted((x.threat for x in threats), reverse=True)
    for x in threats:
        assert {"threat": x.threat, **x.parts()} == lens.metrics.threat_parts("B", x.nation)
    assert lens.heat("B") == {x.nation: x.threat for x in threats}
    assert lens.shares[0][0] == "A" and sum(s for _, s in lens.shares) == pytest.approx(1.0)


def test_a_fallen_state_sees_no_threats():
    state = world(LINE, LINKS)
    state.nations["D"].alive = False
    state.provinces["d1"].owner = "C"
    assert lens_of(state).threats("D") == []


def test_the_network_names_hubs_pacts_blocs_and_the_hierarchy_index():
    agreements = [
        guarantee("g1", "A", "B"),
        guarantee("g2", "A", "C"),
        pact("p", "C", "D"),
        bloc("b", "B", "D"),
    ]
    lens = lens_of(world(LINE, LINKS, agreements=agreements))
    network = lens.network()
    assert network.hubs == {"A": ["B", "C"]}
    assert network.pacts == [("P", ["C", "D"])] and network.blocs == [("B", ["B", "D"])]
    assert network.members == {"A", "B", "C", "D"}
    assert network.hierarchy == lens.metrics.hierarchy > 0
    assert lens_of(world(LINE, LINKS)).network().members == set()


def test_cohesion_is_rebuilt_from_its_three_sources():
    values = {"A": [0.9, 0.1, 0.5], "B": [0.2, 0.8, 0.4], "C": [0.3, 0.7, 0.5], "D": [0.5, 0.5, 0.5]}
    state = world(
        LINE,
        LINKS,
        forces={"a1": {"A": 40}, "b1": {"B": 2}, "c1": {"C": 2}, "d1": {"D": 1}},
        agreements=[pact("p", "B", "C", honoured=2)],
        values=values,
    )
    state.nations["A"].aggression = 3.0
    state, _ = resolve_turn(state, [])
    (found,) = lens_of(state).cohesion()
    rules = state.rules
    assert found.name == "P" and found.members == ["B", "C"]
    assert found.values < 1 and found.record == pytest.approx(rules.record_start + 2 * rules.record_honoured)
    rebuilt = (
        100
        * found.values**rules.cohesion_values_weight
        * found.purpose**rules.cohesion_threat_weight
        * found.record**rules.cohesion_record_weight
    )
    assert found.cohesion == state.agreements["p"].cohesion == pytest.approx(rebuilt, abs=0.01)


def test_history_from_a_record_turn_by_turn():
    game = Game.new(load_scenario(Path("maps/tutorial.yaml")), 2)
    for _ in range(3):
        game.play_turn()
    record = game.record
    history = history_of([record.start, *record.turns])
    assert history.turns == [0, 1, 2, 3]
    assert history.shares["KAR"] == [s["states"]["KAR"]["share"] for s in [record.start, *record.turns]]
    assert history.polarity[-1] == record.turns[-1]["polarity"]
    assert history.hierarchy == [s["hierarchy_index"] for s in [record.start, *record.turns]]


def test_polarity_since_the_start_of_its_latest_run():
    def since(*polarity: str) -> int:
        turns = list(range(len(polarity)))
        return History(turns, {}, list(polarity), [0.0] * len(turns)).polar_since()

    assert since("multipolar", "bipolar", "bipolar") == 1
    runs = History([0, 1, 2, 3], {}, ["multipolar", "bipolar", "bipolar", "unipolar"], [0.0] * 4).polar_runs()
    assert runs == [(0, "multipolar"), (1, "bipolar"), (3, "unipolar")]
    assert since("bipolar", "bipolar") == 0
    assert since("bipolar", "unipolar", "bipolar") == 2
