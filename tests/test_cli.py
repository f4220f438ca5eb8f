"""The command line: exit codes, one-line errors, no tracebacks, and what each command prints."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

import main

MAPS = sorted(Path("maps").glob("*.yaml"))
TUTORIAL = "maps/tutorial.yaml"
BAD_MAP = """\
title: Broken
states:
  - {id: A, name: Alpha, colour: blue}
provinces:
  - {id: a1, owner: Q, pos: [1, 1]}
"""


def run(*args: str) -> subprocess.CompletedProcess:
    """main.py in a fresh interpreter, as a user runs it."""
    return subprocess.run(
        [sys.executable, "main.py", *args], capture_output=True, text=True, timeout=120, check=False
    )


def call(capsys, *args: str) -> tuple[int, str, str]:
    """main.main in this process: the exit code (argparse's too), stdout and stderr."""
    try:
        code = main.main(list(args))
    except SystemExit as exit_:
        code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def bad_map(tmp_path: Path) -> Path:
    path = tmp_path / "broken.yaml"
    path.write_text(BAD_MAP, encoding="utf-8")
    return path


def test_validate_shipped_maps(capsys) -> None:
    code, out, _ = call(capsys, "validate", *map(str, MAPS))
    assert code == 0
    assert out.splitlines() == [f"ok: {p}" for p in MAPS]


def test_validate_bad_map_lists_every_problem_with_its_file(capsys, bad_map: Path) -> None:
    code, out, _ = call(capsys, "validate", TUTORIAL, str(bad_map))
    lines = out.splitlines()
    assert code == 1
    assert lines[0] == f"ok: {TUTORIAL}"
    assert len(lines) >= 3  # the colour, the unknown owner, the single state ...
    assert all(line.startswith(f"{bad_map}:") and " — " in line for line in lines[1:])


def test_validate_missing_file(capsys, tmp_path: Path) -> None:
    code, out, _ = call(capsys, "validate", str(tmp_path / "nope.yaml"))
    assert code == 1
    assert out.startswith(f"{tmp_path / 'nope.yaml'}:1:1: file not found")


def test_simulate_prints_turns_and_writes_a_record(capsys, tmp_path: Path) -> None:
    record = tmp_path / "game.json"
    code, out, err = call(
        capsys, "simulate", "--map", TUTORIAL, "--turns", "3", "--seed", "4", "--record", str(record)
    )
    assert code == 0 and err == ""
    assert "Turn 1, year 1 · " in out and "Turn 3, year 3 · " in out and "Turn 4" not in out
    assert "  power: " in out
    assert "Stopped after turn 3; the game goes on. Leading: " in out
    assert "Scores (survival + territory + economy + legitimacy + objective):" in out
    data = json.loads(record.read_text(encoding="utf-8"))
    assert data["format"] == "balancing-act-record" and [t["turn"] for t in data["turns"]] == [1, 2, 3]

    code, out, _ = call(capsys, "replay", "--check", str(record))
    assert code == 0
    assert out.startswith(f"ok: {record} reproduces byte for byte (3 turns on ")


def test_simulate_to_the_end_then_save_and_continue(capsys, tmp_path: Path) -> None:
    save = tmp_path / "save.json"
    code, out, _ = call(capsys, "simulate", "--map", TUTORIAL, "--turns", "2", "--save", str(save))
    assert code == 0 and f"Game saved to {save}." in out
    code, out, _ = call(capsys, "simulate", "--load", str(save))
    assert code == 0
    assert "from" in out and "at turn 3" in out and "Turn 3, year 3" in out
    assert "Game over after turn" in out and "Winner: " in out


def test_replay_of_a_tampered_record_fails(capsys, tmp_path: Path) -> None:
    record = tmp_path / "game.json"
    call(capsys, "simulate", "--map", TUTORIAL, "--turns", "3", "--record", str(record))
    data = json.loads(record.read_text(encoding="utf-8"))
    data["turns"][1]["polarity"] = "tripolar"
    record.write_text(json.dumps(data), encoding="utf-8")
    code, out, _ = call(capsys, "replay", "--check", str(record), "--map", TUTORIAL)
    assert code == 1
    assert "does NOT reproduce: the replay first differs at turn 2" in out


def test_replay_against_the_wrong_map(capsys, tmp_path: Path) -> None:
    record = tmp_path / "game.json"
    call(capsys, "simulate", "--map", TUTORIAL, "--turns", "1", "--record", str(record))
    other = next(p for p in MAPS if p.name != "tutorial.yaml")
    code, _, err = call(capsys, "replay", "--check", str(record), "--map", str(other))
    assert code == 1
    assert err.startswith(f"error: {other} is not the map this game was played on")


@pytest.mark.parametrize(
    "args",
    [
        ["frobnicate"],
        ["simulate", "--map", TUTORIAL, "--turns", "0"],
        ["simulate", "--map", TUTORIAL, "--turns", "many"],
        ["simulate", "--map", TUTORIAL, "--seed", "-1"],
        ["simulate", "--turns", "3"],
        ["simulate", "--map", TUTORIAL, "--load", "x.json"],
        ["validate"],
        ["replay"],
        ["bench", "--turns", "0"],
        ["play", "--colour", "red"],
    ],
)
def test_bad_arguments_exit_2_with_one_line(capsys, args: list[str]) -> None:
    code, out, err = call(capsys, *args)
    assert code == 2
    assert out == ""
    assert len(err.splitlines()) == 1 and "error: " in err and "--help" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["simulate", "--map", "nope.yaml"], "nope.yaml:1:1: file not found"),
        (["simulate", "--load", "nope.json"], "error: nope.json: cannot read the save: No such file"),
        (["replay", "nope.json"], "error: nope.json: No such file"),
        (["play", "--load", "nope.json"], "error: nope.json: cannot read the save"),
    ],
)
def test_missing_files_exit_1_with_a_message(capsys, args: list[str], message: str) -> None:
    code, _, err = call(capsys, *args)
    assert code == 1
    assert err.startswith(message)
    assert "Traceback" not in err


def test_bad_map_and_bad_output_folder(capsys, bad_map: Path, tmp_path: Path) -> None:
    code, _, err = call(capsys, "simulate", "--map", str(bad_map))
    assert code == 1 and err.startswith(f"{bad_map}:") and "Traceback" not in err
    missing = tmp_path / "no" / "game.json"
    code, _, err = call(capsys, "simulate", "--map", TUTORIAL, "--turns", "1", "--record", str(missing))
    assert (
        code == 1
        and err.strip() == f"error: {missing}: could not write the record: No such file or directory"
    )


def test_real_process_errors_have_no_traceback(tmp_path: Path) -> None:
    result = run("replay", str(tmp_path / "missing.json"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    result = run("simulate", "--turns", "x")
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("command", ["play", "validate", "simulate", "replay", "bench"])
def test_every_command_has_help(capsys, command: str) -> None:
    code, out, _ = call(capsys, command, "--help")
    assert code == 0 and out.startswith(f"usage: main.py {command}")


def test_main_help(capsys) -> None:
    code, out, _ = call(capsys, "--help")
    assert code == 0
    assert all(c in out for c in ("play", "validate", "simulate", "replay", "bench"))


def test_bench_prints_a_row_per_map(capsys) -> None:
    code, out, _ = call(capsys, "bench", "--turns", "2", "--generated", "0")
    lines = out.split("\n\n")[0].splitlines()  # the engine's table; the AI's follows (tests/test_ai_bench.py)
    assert code == 0
    assert lines[0].startswith("Engine: time to resolve one full turn")
    assert lines[1].split() == [
        "map",
        "states",
        "provinces",
        "samples",
        "median",
        "ms",
        "worst",
        "ms",
        "turns/s",
    ]
    rows = [line.split() for line in lines[3:]]
    assert [r[0] for r in rows] == [p.name for p in MAPS]
    assert all(r[3] == "10" and float(r[4]) > 0 for r in rows)  # 2 turns x 5 runs
