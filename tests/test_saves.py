"""Saves: a round trip continues the game identically; bad files are refused; failed writes harm nothing."""

import json
import os
from pathlib import Path

import pytest

import main
from game.saves import SaveError, checksum, load_game, save_game
from game.scenario import load_scenario
from game.session import Game

TUTORIAL = Path("maps/tutorial.yaml")


def game_after(turns: int, seed: int = 5) -> Game:
    game = Game.new(load_scenario(TUTORIAL), seed)
    for _ in range(turns):
        game.play_turn()
    return game


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "game.json"
    game_after(3).save(path)
    return path


def test_round_trip_gives_the_same_state_and_the_same_future(tmp_path: Path) -> None:
    game = game_after(3)
    path = tmp_path / "game.json"
    game.save(path)
    state, record = load_game(path)
    assert state == game.state
    assert record.dumps() == game.record.dumps()

    loaded = Game.load(path)
    for _ in range(4):
        game.play_turn()
        loaded.play_turn()
    assert loaded.state == game.state
    assert loaded.record.dumps() == game.record.dumps() == game_after(7).record.dumps()


def test_a_save_at_the_start_loads(tmp_path: Path) -> None:
    game = game_after(0)
    game.save(tmp_path / "start.json")
    state, record = load_game(tmp_path / "start.json")
    assert state.turn == 1 and record.turns == []


def test_save_header(saved: Path) -> None:
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert list(data)[:5] == ["format", "version", "scenario", "turn", "checksum"]
    assert data["format"] == "balancing-act-save" and data["version"] == 1 and data["turn"] == 4
    assert data["scenario"]["id"] == "tutorial"
    assert data["record"]["format"] == "balancing-act-record"


def rewrite(path: Path, **changes) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**data, **changes}), encoding="utf-8")


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (
            lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),
            "not a saved game: not valid JSON",
        ),
        (lambda p: p.write_bytes(b""), "not a saved game: not valid JSON"),
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe"), "not UTF-8"),
        (lambda p: p.write_text("title: a map\n", encoding="utf-8"), "not valid JSON"),
        (lambda p: p.write_text("[1, 2, 3]", encoding="utf-8"), "this is not a saved game"),
        (lambda p: p.write_text('{"format": "something-else", "version": 1}', encoding="utf-8"), "format is"),
        (lambda p: rewrite(p, version=99), "version 99, newer than this program reads"),
        (lambda p: rewrite(p, version=0), "no valid version"),
        (lambda p: rewrite(p, checksum="0" * 64), "damaged"),
        (lambda p: rewrite(p, state=None), "lacks|damaged"),
        (
            lambda p: p.write_text(p.read_text(encoding="utf-8").replace('"treasury": ', '"treasury": 1', 1)),
            "damaged",
        ),
    ],
    ids=[
        "truncated",
        "empty",
        "binary",
        "yaml",
        "json-list",
        "other-format",
        "newer",
        "no-version",
        "bad-checksum",
        "no-state",
        "edited",
    ],
)
def test_bad_saves_are_refused_naming_the_file(saved: Path, damage, message: str) -> None:
    damage(saved)
    with pytest.raises(SaveError, match=message) as caught:
        load_game(saved)
    assert str(caught.value).startswith(str(saved))
    assert "\n" not in str(caught.value)


def test_a_damaged_state_is_refused_even_with_a_matching_checksum(saved: Path) -> None:
    data = json.loads(saved.read_text(encoding="utf-8"))
    data["state"]["nations"]["VAR"]["treasury"] = "lots"
    data["checksum"] = checksum({"state": data["state"], "record": data["record"]})
    saved.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SaveError, match="damaged: .*expected float"):
        load_game(saved)


def test_a_record_is_not_a_save(tmp_path: Path) -> None:
    path = tmp_path / "record.json"
    path.write_text(game_after(1).record.dumps(), encoding="utf-8")
    with pytest.raises(SaveError, match="this is a game record, not a save"):
        load_game(path)


def test_missing_and_folder(tmp_path: Path) -> None:
    with pytest.raises(SaveError, match="nope.json: cannot read the save"):
        load_game(tmp_path / "nope.json")
    with pytest.raises(SaveError, match="cannot read the save"):
        load_game(tmp_path)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("failing", ["replace", "fsync", "dumps"])
def test_a_failed_write_leaves_the_previous_save_intact(saved: Path, monkeypatch, failing: str) -> None:
    before = saved.read_bytes()
    game = Game.load(saved)
    game.play_turn()

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    if failing == "dumps":
        monkeypatch.setattr("game.saves.dumps", broken)
    else:
        monkeypatch.setattr(os, failing, broken)
    with pytest.raises(SaveError, match=f"{saved.name}: could not save the game: No space left"):
        game.save(saved)
    assert saved.read_bytes() == before
    assert leftovers(saved.parent) == []
    monkeypatch.undo()
    assert load_game(saved)[0].turn == 4


def test_simulate_whose_save_fails_keeps_the_old_save(saved: Path, monkeypatch, capsys) -> None:
    before = saved.read_bytes()

    def broken(*args, **kwargs):
        raise OSError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", broken)
    code = main.main(["simulate", "--load", str(saved), "--turns", "1", "--save", str(saved)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.strip() == f"error: {saved}: could not save the game: Permission denied"
    assert saved.read_bytes() == before
    assert leftovers(saved.parent) == []


def test_save_into_a_missing_folder(tmp_path: Path) -> None:
    game = game_after(0)
    with pytest.raises(SaveError, match="could not save the game"):
        save_game(tmp_path / "no" / "such" / "game.json", game.state, game.record)
