"""ai/personalities.yaml: the shipped weights load; a bad file gets every problem as file:line:column."""

from __future__ import annotations

from pathlib import Path

import pytest

from ai.personalities import PERSONALITIES_FILE, THEORIES, PersonalityError, load_personalities


def test_the_shipped_personalities_load() -> None:
    table = load_personalities()
    assert set(table) == set(THEORIES)
    assert table["soft_balancer"].motives.formality < 0  # never a formal pact
    assert table["bandwagoner"].bandwagon_below > 0


def test_a_bad_file_gets_every_problem_with_its_line(tmp_path: Path) -> None:
    text = PERSONALITIES_FILE.read_text(encoding="utf-8")
    text = text.replace("  rival: power\n  alarm: [0.22, 0.4]", "  rival: powr\n  alarm: [0.4, 0.22]", 1)
    text = text.replace("    distrust: 0.6\n", "    distrus: 0.6\n", 1)
    text = text.replace("bandwagoner:\n", "bandwagonner:\n", 1)
    bad = tmp_path / "personalities.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(PersonalityError) as caught:
        load_personalities(bad)
    lines = caught.value.lines()
    lines_of = {n + 1: line for n, line in enumerate(text.splitlines())}
    expected = {
        "rival": "balance_of_power.rival is 'powr'",
        "alarm": "the first level must be below the second",
        "distrus": "unknown key 'balance_of_threat.motives.distrus' — did you mean 'distrust'?",
        "bandwagonner": "unknown personality 'bandwagonner' — did you mean 'bandwagoner'?",
        "missing": "personality 'bandwagoner' is missing",
    }
    for key, message in expected.items():
        hit = [line for line in lines if message in line]
        assert hit, (message, lines)
        assert hit[0].startswith(f"{bad}:")
        line = int(hit[0].split(":")[1])
        if key != "missing":
            assert key in lines_of[line], (key, lines_of[line])


def test_a_file_that_is_not_yaml_is_one_clear_problem(tmp_path: Path) -> None:
    bad = tmp_path / "p.yaml"
    bad.write_text("balance_of_power: [unclosed\n", encoding="utf-8")
    with pytest.raises(PersonalityError) as caught:
        load_personalities(bad)
    assert caught.value.lines()[0].startswith(f"{bad}:")
    assert "YAML syntax error" in caught.value.lines()[0]
