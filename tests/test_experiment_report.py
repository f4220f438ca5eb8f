"""The tournament's report: its numbers agree with the games played, its charts are well-formed SVG."""

from __future__ import annotations

import importlib.util
import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import main
from ai.experiment_report import (
    alignments,
    heatmap_svg,
    historical,
    matched_share,
    outcomes,
    side_at_end,
    write_report,
)
from ai.tournament import Games, Line, run, setups
from game.scenario import load_scenario
from game.session import Game

TUTORIAL = "maps/tutorial.yaml"
SIDES = {"VAR": "Axis", "KAR": "Allies", "DRA": "Allies", "OST": "neutral", "ISL": "Allies"}


@pytest.fixture(scope="module")
def games() -> Games:
    return run(setups([TUTORIAL], 4, ["balance_of_power", "hegemon"]), 1, io.StringIO())


def _line(state: str, allies: str = "", enemies: str = "", alive: bool = True, blocs: str = "") -> Line:
    return Line(TUTORIAL, 1, state, "hegemon", "normal", False, alive, 50.0, False, 9, 0, 0, 0,
                allies=allies, bloc_partners=blocs, enemies=enemies)  # fmt: skip


def test_a_games_final_alliances_are_what_its_lines_say() -> None:
    scenario = load_scenario(TUTORIAL)
    game = Game.new(scenario, 2)
    while not game.over:
        game.play_turn()
    lines = run(setups([TUTORIAL], 2), 1, io.StringIO()).lines
    for line in (x for x in lines if x.seed == 2):
        agreements = game.state.agreements_of(line.state)
        tied = {m for a in agreements for m in a.members} - {line.state}
        assert set(line.allies.split()) | set(line.bloc_partners.split()) == tied
        assert set(line.enemies.split()) == game.state.enemies(line.state)


def test_the_report_tables_agree_with_the_lines(games: Games, tmp_path: Path) -> None:
    path = write_report(tmp_path, games, "Test tournament", SIDES)
    text = path.read_text(encoding="utf-8")
    for personality in ("balance_of_power", "hegemon"):
        mine = [x for x in games.lines if x.personality == personality]
        wins, alive = sum(x.won for x in mine), sum(x.alive for x in mine)
        row = re.search(rf"^\| {personality} \| (\d+) \| (\d+)% \| (\d+)% \|", text, re.M)
        assert row and int(row[1]) == len(mine)
        assert int(row[2]) == round(100 * wins / len(mine)) and int(row[3]) == round(100 * alive / len(mine))
    (align,) = alignments(games, SIDES)  # as the report orders them
    seeds = {x.seed for x in games.lines}
    for a in SIDES:
        for b in SIDES:
            if a < b:
                together = sum(
                    1 for x in games.lines if x.state == a and b in x.allies.split() + x.bloc_partners.split()
                )
                assert align.of(a, b) == pytest.approx(together / len(seeds))
    best = max(align.share.items(), key=lambda kv: kv[1])
    assert f"| {best[0][0]} – {best[0][1]} | {round(best[1] * 100)}% |" in text
    assert (
        "## Historical sides" in text
        and f"Overall {round(100 * matched_share(historical(games, SIDES)))}%" in text
    )


def test_the_charts_are_svg_with_a_cell_per_pair(games: Games, tmp_path: Path) -> None:
    write_report(tmp_path, games, "Test tournament")
    assert {p.name for p in tmp_path.iterdir()} == {"report.md", "outcomes.svg", "alignment-tutorial.svg"}
    svg = "{http://www.w3.org/2000/svg}"
    heat = ET.parse(tmp_path / "alignment-tutorial.svg").getroot()
    cells = [r for r in heat.iter(f"{svg}rect") if r.find(f"{svg}title") is not None]
    assert len(cells) == 25
    bars = ET.parse(tmp_path / "outcomes.svg").getroot()
    labels = {t.text for t in bars.iter(f"{svg}text")}
    assert {"balance_of_power", "hegemon"} <= labels
    assert [o.personality for o in outcomes(games)] == ["balance_of_power", "hegemon"]
    (grouped,) = alignments(games, SIDES)  # Allies, Axis, neutral: KAR DRA ISL | VAR | OST
    assert grouped.states == ["KAR", "DRA", "ISL", "VAR", "OST"] and grouped.breaks == (3, 4)
    assert len([x for x in ET.fromstring(heatmap_svg(grouped)).iter(f"{svg}line")]) == 4


def test_a_states_side_at_the_end_comes_from_its_allies_and_enemies() -> None:
    assert side_at_end(_line("POL", allies="KAR"), SIDES) == "Allies"
    assert side_at_end(_line("POL", enemies="VAR"), SIDES) == "Allies"  # at war with the Axis
    assert side_at_end(_line("POL", allies="VAR", enemies="KAR"), SIDES) == "Axis"
    assert side_at_end(_line("POL", allies="VAR KAR"), SIDES) == "neutral"  # as many ties to both
    assert side_at_end(_line("POL", allies="OST", blocs="KAR"), SIDES) == "neutral"  # blocs bind no one
    assert side_at_end(_line("POL", allies="KAR", alive=False), SIDES) == "eliminated"
    rows = historical(Games([_line("KAR", allies="DRA"), _line("KAR", alive=False)]), SIDES)
    assert rows[0].matched == 0.5 and matched_share(rows, alive_only=True) == 1.0


def test_the_tournament_command_writes_the_report(capsys, tmp_path: Path) -> None:
    out = tmp_path / "report"
    code = main.main(["tournament", "--maps", TUTORIAL, "--seeds", "2", "--jobs", "1", "--report", str(out)])
    assert code == 0 and f"Report written to {out / 'report.md'}" in capsys.readouterr().out
    assert (
        (out / "report.md")
        .read_text(encoding="utf-8")
        .startswith("# Tournament: tutorial.yaml, seeds 1 to 2")
    )


def test_the_wwii_sides_script_uses_the_maps_table_and_prints_the_figure(capsys) -> None:
    spec = importlib.util.spec_from_file_location("wwii_sides", "maps/scripts/wwii_sides.py")
    assert spec and spec.loader
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    text = Path("maps/europe-1936.yaml").read_text(encoding="utf-8")
    beside = dict(re.findall(r"^  - id: (\w+) +# CoW \w+ \d+ · WWII: (Allies|Axis|neutral)", text, re.M))
    assert beside == script.SIDES
    assert script.main(["--seeds", "1", "--jobs", "1"]) == 0
    printed = capsys.readouterr().out
    rows = re.findall(r"^\| ([A-Z]{3}) \| (Allies|Axis|neutral) \| (\d+)% \|", printed, re.M)
    assert [r[0] for r in rows] == list(beside) and {r[2] for r in rows} <= {"0", "100"}  # one game
    share = sum(r[2] == "100" for r in rows) / len(rows)
    assert f"Overall: {share:.1%} of state-games ended on the historical side" in printed
