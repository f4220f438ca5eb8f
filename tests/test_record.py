"""The game record: every field, byte-identical for the same map and seed, replayable, tamper-proof."""

import json
from pathlib import Path

import numpy as np
import pytest

from game.engine.orders import Table, Vote
from game.jsonfile import dumps, plain
from game.record import Record, RecordError, first_difference, read_record, write_record
from game.replay import find_map, replay
from game.scenario import load_scenario
from game.session import Game

MAPS = sorted(Path("maps").glob("*.yaml"))
TURNS = 10

# Four states with one agreement of each kind and a war, so every part of a turn entry is filled.
SMALL_MAP = """\
title: Record test
year: 1900
states:
  - {id: A, name: Alpha, colour: "#112233", forces: {a1: 3}}
  - {id: B, name: Beta, colour: "#223344", forces: {b1: 3}}
  - {id: C, name: Gamma, colour: "#334455", forces: {c1: 3}}
  - {id: D, name: Delta, colour: "#445566", forces: {d1: 2}}
provinces:
  - {id: a1, owner: A, pos: [100, 100]}
  - {id: b1, owner: B, pos: [200, 100]}
  - {id: c1, owner: C, pos: [300, 100]}
  - {id: d1, owner: D, pos: [400, 100]}
links: [[a1, b1], [b1, c1], [c1, d1]]
agreements:
  - {kind: pact, id: north, members: [A, B]}
  - {kind: guarantee, id: shield, patron: C, client: D}
  - {kind: bloc, id: forum, members: [B, D]}
wars:
  - {attackers: [A], defenders: [C]}
"""


@pytest.fixture
def small_map(tmp_path: Path) -> Path:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL_MAP, encoding="utf-8")
    return path


def played(path: Path, turns: int, seed: int = 1) -> Game:
    game = Game.new(load_scenario(path), seed)
    while len(game.record.turns) < turns and not game.over:
        game.play_turn()
    return game


def test_record_has_every_field(small_map: Path) -> None:
    game = Game.new(load_scenario(small_map), 3)
    events = game.resolve({"B": [Table("B", kind="condemn", target="A")]})
    tabled = next(e for e in events if e.type == "tabled")
    game.resolve({"C": [Vote("C", resolution=tabled.data["resolution"], vote="yes")]})
    data = json.loads(game.record.dumps())

    assert list(data) == [
        "format",
        "version",
        "scenario",
        "seed",
        "finished",
        "winner",
        "scores",
        "start",
        "turns",
    ]
    assert data["format"] == "balancing-act-record" and data["version"] == 1
    assert data["scenario"] == {
        "id": "small",
        "title": "Record test",
        "hash": load_scenario(small_map).sha256,
        "year": 1900,
    }
    assert data["seed"] == 3 and data["finished"] is False and data["winner"] in "ABCD"
    assert set(data["scores"]) == set("ABCD")
    assert set(data["scores"]["A"]) == {
        "survival",
        "territory",
        "economy",
        "legitimacy",
        "objective",
        "total",
    }
    first, second = data["turns"]
    assert [first["turn"], second["turn"]] == [1, 2]
    assert set(first) == {
        "turn",
        "states",
        "agreements",
        "wars",
        "polarity",
        "hierarchy_index",
        "resolutions",
        "events",
        "orders",
    }
    assert set(data["start"]) == set(first) - {"turn", "resolutions", "events", "orders"}
    assert list(first["states"]) == ["A", "B", "C", "D"]
    assert set(first["states"]["A"]) == {
        "share",
        "legitimacy",
        "treasury",
        "development",
        "provinces",
        "strength",
        "alive",
    }
    assert first["states"]["A"]["provinces"] == ["a1"] and first["states"]["A"]["alive"] is True
    assert 0.99 < sum(s["share"] for s in first["states"].values()) < 1.01
    kinds = {a["kind"]: a for a in first["agreements"]}
    assert set(kinds) == {"pact", "guarantee", "bloc"}
    assert kinds["guarantee"]["patron"] == "C" and kinds["guarantee"]["members"] == ["C", "D"]
    assert "patron" not in kinds["pact"] and isinstance(kinds["pact"]["cohesion"], float)
    assert kinds["bloc"]["cohesion"] is None
    assert first["wars"] == [{"id": "war1", "attackers": ["A"], "defenders": ["C"], "started": 0}]
    assert first["polarity"] in ("unipolar", "bipolar", "multipolar")
    assert 0 < first["hierarchy_index"] < 1  # C and D sit in a guarantee network
    assert first["resolutions"] == []
    assert first["orders"]["B"] == [
        {"type": "table", "actor": "B", "reason": {}, "kind": "condemn", "target": "A"}
    ]
    (resolution,) = second["resolutions"]
    assert resolution["kind"] == "condemn" and resolution["target"] == "A" and resolution["sponsor"] == "B"
    assert resolution["votes"]["C"] == "yes" and set(resolution["votes"]) == set("ABCD")
    assert resolution["outcome"] in ("passed", "failed", "blocked", "vetoed")
    event = next(e for e in second["events"] if e["type"] == "resolution")
    assert set(event) == {"type", "actors", "text", "concept", "data"}
    assert event["actors"] == ["B", "A"] and event["text"].startswith("The Assembly") and event["concept"]
    assert list(event["data"]) == sorted(event["data"])


def _floats(value):
    if isinstance(value, dict):
        for v in value.values():
            yield from _floats(v)
    elif isinstance(value, list):
        for v in value:
            yield from _floats(v)
    elif isinstance(value, float):
        yield value


def test_figures_are_rounded(small_map: Path) -> None:
    game = played(small_map, 5)
    data = game.record.to_dict()
    derived = [{k: v for k, v in t.items() if k != "orders"} for t in data["turns"]]
    assert all(round(x, 4) == x for x in _floats([data["scores"], data["start"], derived]))


def test_plain_json_is_stable() -> None:
    assert plain({"a": np.float64(1 / 3), "b": -0.00001, "c": (np.int64(2),)}) == {
        "a": 0.3333,
        "b": 0.0,
        "c": [2],
    }
    assert plain(0.1 + 0.2, decimals=None) == 0.1 + 0.2
    assert dumps({"b": [1, 2], "a": {"x": "é"}}) == '{\n  "b": [1, 2],\n  "a": {"x": "é"}\n}\n'
    assert dumps({"b": [1, 2], "a": "x"}) == '{"b": [1, 2], "a": "x"}\n'
    with pytest.raises(ValueError):
        plain(float("nan"))


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_same_map_and_seed_give_identical_records_that_replay(path: Path) -> None:
    first, second = played(path, TURNS, seed=7), played(path, TURNS, seed=7)
    text = first.record.dumps()
    assert text == second.record.dumps()
    state, fresh = replay(Record.from_dict(json.loads(text)), path)
    assert fresh.dumps() == text
    assert state == first.state


def test_another_seed_gives_another_game() -> None:
    tutorial = Path("maps/tutorial.yaml")
    assert played(tutorial, 4, seed=1).record.dumps() != played(tutorial, 4, seed=2).record.dumps()


def test_a_whole_game_replays_from_its_file(tmp_path: Path) -> None:
    game = played(Path("maps/tutorial.yaml"), 100)
    assert game.over and game.record.finished
    path = tmp_path / "game.json"
    write_record(path, game.record)
    record, text = read_record(path)
    assert text == path.read_text(encoding="utf-8") == game.record.dumps()
    assert find_map(record, "maps") == Path("maps/tutorial.yaml")
    _, fresh = replay(record, "maps/tutorial.yaml")
    assert fresh.dumps() == text
    assert fresh.winner == game.state.winner


def test_a_different_map_is_refused(small_map: Path, tmp_path: Path) -> None:
    record = played(small_map, 2).record
    edited = tmp_path / "edited.yaml"
    edited.write_text(
        SMALL_MAP.replace("title: Record test", "title: Record test  # changed"), encoding="utf-8"
    )
    with pytest.raises(RecordError, match="not the map this game was played on"):
        replay(record, edited)
    with pytest.raises(RecordError, match="give the map with --map"):
        find_map(record, tmp_path / "nowhere")


def test_tampered_figures_do_not_reproduce(small_map: Path) -> None:
    record = played(small_map, 4).record
    data = json.loads(record.dumps())
    data["turns"][2]["states"]["A"]["legitimacy"] += 10
    tampered = Record.from_dict(data)
    _, fresh = replay(tampered, small_map)
    assert fresh.dumps() != tampered.dumps()
    assert first_difference(tampered, fresh) == "turn 3"


def test_tampered_orders_are_refused(small_map: Path) -> None:
    data = json.loads(played(small_map, 2).record.dumps())
    data["turns"][1]["orders"]["A"] = [{"type": "nuke", "actor": "A"}]
    with pytest.raises(RecordError, match="turn 2: an order of A: unknown order type 'nuke'"):
        replay(Record.from_dict(data), small_map)
    data["turns"][1]["turn"] = 5
    with pytest.raises(RecordError, match="turn 5: expected turn 2"):
        replay(Record.from_dict(data), small_map)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"version": 2}, "version 2, newer than this program reads"),
        ({"version": "1"}, "no valid version"),
        ({"format": "balancing-act-save"}, "not a game record"),
        ({"turns": [{"turn": 1}]}, "each with a turn number and orders"),
        ({"seed": "one"}, "seed must be a whole number"),
        ({"scenario": {"id": "x"}}, "must have an id and a hash"),
    ],
)
def test_unreadable_records_are_refused(small_map: Path, change: dict, message: str) -> None:
    data = {**json.loads(played(small_map, 1).record.dumps()), **change}
    with pytest.raises(RecordError, match=message):
        Record.from_dict(data)


def test_missing_fields_and_non_records_are_refused(tmp_path: Path) -> None:
    with pytest.raises(RecordError, match="lacks seed, turns"):
        Record.from_dict(
            {"format": "balancing-act-record", "version": 1, "scenario": {}, "start": {}, "scores": {}}
        )
    path = tmp_path / "list.json"
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(RecordError, match=r"list\.json: this is not a game record"):
        read_record(path)
    path.write_text('{"format": ', encoding="utf-8")
    with pytest.raises(RecordError, match="not valid JSON"):
        read_record(path)
    with pytest.raises(RecordError, match="missing.json"):
        read_record(tmp_path / "missing.json")


def test_a_scripted_regime_change_gives_the_state_a_new_ai_player():
    from game.engine.state import ScriptedEvent
    from game.scenario import load_scenario
    from game.session import Game

    game = Game.new(load_scenario("maps/tutorial.yaml"), 1)
    nation = next(n for n, x in game.state.nations.items() if x.controller.personality != "bandwagoner")
    game.state.script.append(
        ScriptedEvent(turn=1, kind="regime_change", state=nation, personality="bandwagoner")
    )
    before = game.players[nation]
    game.play_turn()
    game.decide()
    assert game.players[nation] is not before
    assert game.made_for[nation][0] == "bandwagoner"
