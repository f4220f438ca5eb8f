"""Tournaments and the AI bench: rotations, parallel games that match serial ones, tables, CSV, the CLI."""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

import main
from ai.bench import decide_row, generated_map
from ai.tournament import report, run, setups

TUTORIAL = "maps/tutorial.yaml"
THEORIES = ["balance_of_power", "balance_of_threat", "hegemon", "soft_balancer", "bandwagoner"]


def test_rotations_give_each_state_each_personality_and_difficulty_equally() -> None:
    plan = setups([TUTORIAL], 15, THEORIES, ["easy", "normal", "hard"])
    seen = Counter((state, p, d) for s in plan for state, p, d in s.players)
    per_state = Counter((state, p) for state, p, _ in seen.elements())
    assert set(per_state.values()) == {3}  # 15 seeds / 5 personalities
    assert Counter((state, d) for state, _, d in seen.elements())[("VAR", "hard")] == 5


def test_fixed_states_keep_their_choice_and_the_map_gives_the_rest() -> None:
    plan = setups([TUTORIAL], 3, fixed={"VAR": ("soft_balancer", "hard")})
    for s in plan:
        players = {state: (p, d) for state, p, d in s.players}
        assert players["VAR"] == ("soft_balancer", "hard")
        assert players["OST"] == ("bandwagoner", "easy")  # as the map says


def test_parallel_games_match_serial_ones_and_the_report_has_every_table() -> None:
    plan = setups([TUTORIAL], 2, THEORIES)
    serial = run(plan, 1, io.StringIO())
    parallel = run(plan, 2, io.StringIO())
    assert serial.lines == parallel.lines and len(serial.lines) == 10
    text = report(serial)
    for title in ("Maps", "Personalities", "Difficulties", "States"):
        assert f"\n{title}\n" in f"\n{text}"
    assert "small alive" in text and "win rate" in text


def test_the_tournament_command_prints_tables_and_writes_csv(capsys, tmp_path: Path) -> None:
    out = tmp_path / "t.csv"
    code = main.main(["tournament", "--maps", TUTORIAL, "--seeds", "2", "--jobs", "1", "--csv", str(out)])
    printed = capsys.readouterr()
    assert code == 0 and "Personalities" in printed.out and "2/2 games" in printed.err
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 10 and {r["state"] for r in rows} == {"VAR", "KAR", "DRA", "OST", "ISL"}
    assert sum(r["won"] == "True" for r in rows) == 2


def test_the_tournament_command_refuses_bad_arguments(capsys) -> None:
    for args, words in (
        (["--set", "VAR=emperor"], "--set 'VAR=emperor'"),
        (["--set", "XXX=hegemon"], "on none of the maps: XXX"),
        (["--personalities", "emperor"], "invalid choice"),
    ):
        try:
            main.main(["tournament", "--maps", TUTORIAL, "--seeds", "1", *args])
        except SystemExit as exc:
            assert exc.code == 2
        assert words in capsys.readouterr().err


def test_the_ai_bench_times_a_generated_map() -> None:
    row = decide_row("generated-9", generated_map(9), "normal", 1, 1)
    assert (row.states, row.provinces, row.samples) == (9, 27, 1) and row.median > 0
