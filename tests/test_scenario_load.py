"""Loading good maps and building the starting game state from them."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import time
from pathlib import Path

import numpy as np
import pytest
import yaml

from game.engine.state import GameState, Rules, ScriptedEvent
from game.scenario import (
    Scenario,
    ScenarioError,
    default_rules,
    load_rule_defaults,
    load_scenario,
    new_game,
    parse_scenario,
    scenario_hash,
)
from game.scenario.model import RuleOverrides
from game.scenario.rules import RULES_PATH

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = Path(__file__).resolve().parent / "maps" / "minimal.yaml"
SHIPPED = sorted((ROOT / "maps").glob("*.yaml"))

FULL = """\
title: Full
id: full-map
year: 1914
size: [100, 100]
states:
  - id: A
    name: Alpha
    colour: "#112233"
    values: [0.1, 0.2, 0.3]
    treasury: 5
    development: 2
    legitimacy: 70
    objective: hegemony
    controller: human
    personality: hegemon
    difficulty: hard
    capital: a2
    forces: {a2: 4}
  - id: B
    name: Beta
    colour: "#445566"
    forces: {a1: 2}
  - id: C
    name: Gamma
    colour: "#778899"
  - id: D
    name: Delta
    colour: "#aabbcc"
provinces:
  - {id: a1, owner: B, pos: [10, 10], production: 2.5}
  - {id: a2, owner: A, pos: [20, 10]}
  - {id: b-1, name: Bay, owner: B, pos: [30, 10]}
  - {id: c1, owner: C, pos: [40, 10]}
  - {id: d1, owner: D, pos: [50, 10]}
links:
  - [a1, a2]
  - [a2, b-1]
sea_links:
  - [a2, c1]
  - [c1, d1]
agreements:
  - {kind: pact, members: [B, A]}
  - {kind: guarantee, patron: C, client: D}
  - {kind: bloc, id: forum, name: The Forum, members: [C, D, A], institution: true}
  - {kind: pact, id: pact4, members: [C, D]}
  - {kind: guarantee, patron: A, client: D}
wars:
  - {attackers: [A], defenders: [C, D]}
assembly:
  enabled: false
  veto_holders: [A, B]
rules:
  turn_limit: 12
  legitimacy_start: 40
  capital_loss_eliminates: true
events:
  - {turn: 2, kind: production_shock, state: B, factor: 0.5}
  - {turn: 3, kind: regime_change, state: C, personality: bandwagoner}
  - {turn: 4, kind: war, state: D, target: A, text: War!}
  - {turn: 5, kind: message, text: Peace talks.}
"""


def full() -> Scenario:
    return parse_scenario(FULL, "full.yaml")


def test_minimal_map_loads_with_documented_defaults() -> None:
    scenario = load_scenario(MINIMAL)
    assert len(MINIMAL.read_text().splitlines()) <= 35
    assert scenario.id == "minimal"  # the file name
    assert scenario.title == "Two Rivers"
    assert (scenario.format, scenario.briefing, scenario.author) == (1, "", "")
    assert (scenario.year, scenario.sources, scenario.size) == (None, [], [1000, 600])
    state = scenario.states[1]
    assert state.values == [0.5, 0.5, 0.5]
    assert (state.treasury, state.development, state.legitimacy) == (10, 1.0, None)
    assert (state.objective, state.controller) == ("survive", "ai")
    assert (state.personality, state.difficulty) == ("balance_of_power", "normal")
    assert state.capital is None and state.forces == {}
    assert scenario.provinces[1].production == 1 and scenario.provinces[1].name is None
    assert scenario.agreements == scenario.wars == scenario.events == []
    assert scenario.assembly.enabled and scenario.assembly.veto_holders == []
    assert scenario.rules.model_dump(exclude_unset=True) == {}


def test_scenario_keeps_its_file_and_hash() -> None:
    scenario = load_scenario(MINIMAL)
    assert scenario.file == str(MINIMAL)
    assert scenario.sha256 == hashlib.sha256(MINIMAL.read_bytes()).hexdigest()
    assert scenario_hash(scenario) == scenario.sha256
    assert parse_scenario(MINIMAL.read_bytes(), "x.yaml").sha256 == scenario.sha256


def test_explicit_id_wins_over_file_name() -> None:
    assert full().id == "full-map"


def test_new_game_from_minimal_map() -> None:
    game = new_game(load_scenario(MINIMAL), seed=7)
    assert (game.scenario_id, game.title, game.seed, game.turn) == ("minimal", "Two Rivers", 7, 1)
    assert game.rules == default_rules()
    assert game.rng == np.random.PCG64(7).state
    var, ost = game.nations["VAR"], game.nations["OST"]
    assert (var.capital, ost.capital) == ("varon", "ostmark")  # first province in file order
    assert var.legitimacy == ost.legitimacy == game.rules.legitimacy_start
    assert (var.start_provinces, ost.start_provinces) == (1, 2)
    assert var.controller.kind == "ai" and var.controller.personality == "balance_of_power"
    assert game.forces == {"varon": {"VAR": 3}}
    assert game.provinces["ostmark"].neighbours == ["isle", "varon"]
    assert game.provinces["ostmark"].sea == ["isle"]
    assert game.provinces["varon"].name == "Varon"
    assert game.assembly and game.veto_holders == []
    assert game.agreements == {} and game.wars == {} and game.script == []


def test_new_game_from_full_map() -> None:
    game = new_game(full(), seed=3)
    assert game.rules.turn_limit == 12 and game.rules.capital_loss_eliminates is True
    a = game.nations["A"]
    assert (a.values, a.treasury, a.development, a.legitimacy) == ([0.1, 0.2, 0.3], 5, 2, 70)
    assert (a.objective, a.capital) == ("hegemony", "a2")
    assert dataclasses.astuple(a.controller) == ("human", "hegemon", "hard")
    assert game.nations["B"].legitimacy == 40  # the map's legitimacy_start
    assert game.forces == {"a1": {"B": 2}, "a2": {"A": 4}}
    assert game.provinces["a2"].neighbours == ["a1", "b-1", "c1"]
    assert game.provinces["a2"].sea == ["c1"]
    assert game.provinces["b-1"].name == "Bay"
    assert game.provinces["a1"].production == 2.5
    assert list(game.agreements) == ["pact1", "guarantee2", "forum", "pact4", "guarantee5"]
    pact, guarantee, bloc = (game.agreements[i] for i in ("pact1", "guarantee2", "forum"))
    assert (pact.members, pact.leader, pact.founded, pact.name) == (
        ["B", "A"],
        "B",
        0,
        "Pact of Beta and Alpha",
    )
    assert (guarantee.members, guarantee.patron, guarantee.client) == (["C", "D"], "C", "D")
    assert guarantee.name == "Gamma's guarantee to Delta"
    assert (bloc.name, bloc.leader, bloc.institution, bloc.kind) == ("The Forum", "C", True, "bloc")
    assert list(game.wars) == ["war1"]
    assert dataclasses.astuple(game.wars["war1"]) == ("war1", ["A"], ["C", "D"], 0)
    assert game.next_id == 6  # past guarantee5, the highest number in a given or generated id
    assert not game.assembly and game.veto_holders == ["A", "B"]
    assert game.script == [
        ScriptedEvent(turn=2, kind="production_shock", state="B", factor=0.5),
        ScriptedEvent(turn=3, kind="regime_change", state="C", personality="bandwagoner"),
        ScriptedEvent(turn=4, kind="war", state="D", target="A", text="War!"),
        ScriptedEvent(turn=5, kind="message", text="Peace talks."),
    ]


def test_generated_ids_avoid_given_ones() -> None:
    text = FULL.replace(
        "{kind: pact, id: pact4, members: [C, D]}", "{kind: pact, id: pact1, members: [C, D]}"
    )
    assert list(new_game(parse_scenario(text, "x.yaml"), 1).agreements) == [
        "pact2",
        "guarantee2",
        "forum",
        "pact1",
        "guarantee5",
    ]


def test_game_state_is_json_and_round_trips() -> None:
    game = new_game(full(), seed=2**63 + 5)
    text = json.dumps(game.to_dict())
    assert GameState.from_dict(json.loads(text)) == game


def test_new_game_is_deterministic() -> None:
    assert new_game(full(), 11).to_dict() == new_game(full(), 11).to_dict()
    assert new_game(full(), 11).rng != new_game(full(), 12).rng


def test_new_game_overrides_rules() -> None:
    game = new_game(full(), 1, {"turn_limit": 30, "force_cost": 2})
    assert game.rules.turn_limit == 30  # over the map's 12
    assert game.rules.force_cost == 2.0 and isinstance(game.rules.force_cost, float)
    with pytest.raises(ValueError, match="unknown rule 'turn_limt' — did you mean 'turn_limit'"):
        new_game(full(), 1, {"turn_limt": 30})
    with pytest.raises(ValueError, match="turn_limit"):
        new_game(full(), 1, {"turn_limit": "thirty"})


def test_new_game_leaves_the_scenario_alone() -> None:
    scenario = full()
    before = scenario.model_dump()
    game = new_game(scenario, 1)
    game.nations["A"].values.append(1.0)
    game.agreements["forum"].members.append("B")
    assert scenario.model_dump() == before


def test_rule_defaults_match_the_engine_rules() -> None:
    defaults = load_rule_defaults()
    fields = {f.name: f.type for f in dataclasses.fields(Rules)}
    assert list(defaults) == list(fields)
    for name, value in defaults.items():
        assert type(value).__name__ == str(fields[name]).replace("<class '", "").rstrip("'>"), name
    assert dataclasses.asdict(default_rules()) == {k: v for k, v in defaults.items()}
    assert default_rules() is not default_rules()
    loaded = yaml.safe_load(RULES_PATH.read_text())
    assert loaded == defaults


def test_rules_accept_every_rule_and_nothing_else() -> None:
    defaults = load_rule_defaults()
    assert set(RuleOverrides.model_fields) == set(defaults)
    assert RuleOverrides.model_validate(defaults).model_dump() == defaults
    for name, value in defaults.items():
        text = json.dumps({name: value})
        rules = f"rules: {text}\n"
        scenario = parse_scenario(MINIMAL.read_text() + rules, "x.yaml")
        assert scenario.rules.model_dump(exclude_unset=True) == {name: value}
    with pytest.raises(ScenarioError, match="unknown rule 'no_such_rule'"):
        parse_scenario(MINIMAL.read_text() + "rules: {no_such_rule: 1}\n", "x.yaml")


@pytest.mark.parametrize(
    ("name", "good", "bad"),
    [("turn_limit", 5, 5.5), ("force_cost", 3, True), ("capital_loss_eliminates", False, 0)],
)
def test_rule_types_follow_rules_yaml(name: str, good: object, bad: object) -> None:
    parse_scenario(MINIMAL.read_text() + f"rules: {{{name}: {json.dumps(good)}}}\n", "x.yaml")
    with pytest.raises(ScenarioError, match=f"rule {name} should be"):
        parse_scenario(MINIMAL.read_text() + f"rules: {{{name}: {json.dumps(bad)}}}\n", "x.yaml")


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_maps_load_and_build(path: Path) -> None:
    scenario = load_scenario(path)
    game = new_game(scenario, 1)
    assert game.title == scenario.title
    assert all(n.capital in game.provinces for n in game.nations.values())
    json.dumps(game.to_dict())


def big_map(provinces: int = 500, states: int = 20) -> str:
    """A grid map with many provinces, for the speed test."""
    lines = ["title: Big", "size: [5000, 5000]", "states:"]
    for s in range(states):
        lines += [f"  - id: S{s}", f"    name: State {s}", f'    colour: "#{s:02x}8040"']
        lines += [f"    forces: {{p{s}: 3}}", "    values: [0.2, 0.5, 0.9]"]
    lines.append("provinces:")
    for p in range(provinces):
        lines += [f"  - id: p{p}", f"    owner: S{p % states}"]
        lines += [f"    pos: [{p % 50 * 90 + 10}, {p // 50 * 90 + 10}]", f"    production: {1 + p % 4}"]
    lines.append("links:")
    for p in range(provinces):
        if p % 50:
            lines.append(f"  - [p{p - 1}, p{p}]")
        if p >= 50:
            lines.append(f"  - [p{p - 50}, p{p}]")
    return "\n".join(lines) + "\n"


def test_a_500_province_map_loads_fast(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text(big_map())
    times = []  # CPU time: the machine may be busy with other work
    for _ in range(5):
        start = time.process_time()
        scenario = load_scenario(path)
        times.append(time.process_time() - start)
    assert len(scenario.provinces) == 500
    assert min(times) < 0.1, times


def test_engine_does_not_import_scenario() -> None:
    for path in (ROOT / "game" / "engine").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(from|import)\s+game\.scenario", text, re.M), path
        assert not re.search(r"^\s*from\s+game\s+import\s+.*\bscenario\b", text, re.M), path


def _blocks(kind: str) -> list[str]:
    """The fenced code blocks of docs/MAPS.md opened with ```kind."""
    blocks: list[str] = []
    current: list[str] | None = None
    opener = ""
    for line in (ROOT / "docs" / "MAPS.md").read_text(encoding="utf-8").splitlines():
        if current is None and line.startswith("```"):
            current, opener = [], line[3:].strip()
        elif current is not None and line.strip() == "```":
            if opener == kind:
                blocks.append("\n".join(current) + "\n")
            current = None
        elif current is not None:
            current.append(line)
    return blocks


def test_the_whole_maps_in_the_guide_load() -> None:
    maps = [b for b in _blocks("yaml") if b.startswith("# yaml-language-server")]
    assert len(maps) == 3  # the first map and the worked example, first and last steps
    for text in maps:
        new_game(parse_scenario(text, "guide.yaml"), 1)


def test_the_guide_quotes_real_messages() -> None:
    from test_scenario_bad_maps import TABLE

    real = {line for _, lines in TABLE.values() for line in lines}
    quoted = [b for b in _blocks("") if b.startswith("maps/x.yaml:")][0].splitlines()
    assert len(quoted) >= 10
    for line in quoted:
        assert line.removeprefix("maps/x.yaml:") in real, line
