"""Every bad map gives exactly the expected problems, at the right line and column."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.scenario import ScenarioError, load_scenario, parse_scenario
from game.scenario.yamlsafe import MAX_BYTES, MAX_DEPTH

BAD_MAPS = Path(__file__).resolve().parent / "bad_maps"
MINIMAL = Path(__file__).resolve().parent / "maps" / "minimal.yaml"

# What kind of problem each bad map has: the JSON Schema must reject the STRUCTURE ones too
# (tests/test_schema.py) and accept the MEANING ones, which only the loader's checks catch.
YAML = "yaml"  # unreadable or refused before any check: syntax, limits, anchors, encoding
STRUCTURE = "structure"  # keys, types, ranges, required fields
MEANING = "meaning"  # ids, references, ownership, links, reachability
MIXED = "mixed"  # structure and meaning problems together

# file name (without .yaml) -> (kind of problem, the expected lines after "path:")
TABLE: dict[str, tuple[str, list[str]]] = {
    "add_state_taken_id": (
        MEANING,
        [
            "28:12: event 1 (turn 2) adds state 'OST', whose id is already taken — give the new state an id no other state has"
        ],
    ),
    "agreement_no_kind": (
        STRUCTURE,
        ["26:5: agreement 1 has no 'kind' — add kind: and one of: pact, guarantee, bloc"],
    ),
    "agreement_unknown_state": (
        MEANING,
        ["28:20: pact 'northern' names unknown state 'OSR' — did you mean 'OST'?"],
    ),
    "alias_bomb": (
        YAML,
        ["2:4: anchor &a is not allowed in a map — remove it and write the values out in full"],
    ),
    "anchor": (
        YAML,
        ["13:10: anchor &here is not allowed in a map — remove it and write the values out in full"],
    ),
    "bad_colour": (
        STRUCTURE,
        [
            "9:13: colour of state 'OST' is 'blue', which is not a colour — write it as \"#rrggbb\" in quotes, e.g. \"#c0392b\""
        ],
    ),
    "bad_objective": (
        STRUCTURE,
        [
            "10:16: objective of state 'OST' is 'hegemon', which is not one of: survive, prosperity, standing, hegemony, prevent_hegemony — did you mean 'hegemony'?"
        ],
    ),
    "bad_personality": (
        STRUCTURE,
        [
            "10:18: personality of state 'OST' is 'bandwagon', which is not one of: balance_of_power, balance_of_threat, hegemon, soft_balancer, bandwagoner, random — did you mean 'bandwagoner'?"
        ],
    ),
    "bad_state_id": (
        STRUCTURE,
        [
            "7:9: id of state 2 is 'O-ST', which is not a valid state id — use only letters, digits and _ (no spaces)"
        ],
    ),
    "binary_junk": (
        YAML,
        ["1:1: the file is not UTF-8 text — save it as UTF-8 text (a map is a plain text file)"],
    ),
    "capital_not_owned": (
        MEANING,
        ["6:14: capital 'ostmark' of state 'VAR' is a province of 'OST' — choose one of VAR's own provinces"],
    ),
    "comments_only": (
        YAML,
        ["1:1: the file is empty — a map needs at least title:, states: and provinces: (see docs/MAPS.md)"],
    ),
    "control_character": (
        YAML,
        [
            "4:14: the file contains the control character U+0000 — a map is a plain text file; check that this is the right file"
        ],
    ),
    "duplicate_key": (
        YAML,
        [
            "23:1: key 'title' appears twice (first on line 1) — keep one of them: the second replaces the first"
        ],
    ),
    "duplicate_link": (
        MEANING,
        ["23:5: link [ostmark, varon] is given twice (first on line 22) — remove one of them"],
    ),
    "duplicate_province": (
        MEANING,
        ["21:9: province id 'isle' is used twice (first on line 18) — give each province its own id"],
    ),
    "duplicate_state": (
        MEANING,
        ["10:9: state id 'OST' is used twice (first on line 7) — give each state its own id"],
    ),
    "empty": (
        YAML,
        ["1:1: the file is empty — a map needs at least title:, states: and provinces: (see docs/MAPS.md)"],
    ),
    "event_after_last_turn": (
        MEANING,
        [
            "26:11: event 1 (turn 30) is after the last turn (20) — use a turn from 1 to 20, or raise rules: turn_limit"
        ],
    ),
    "event_missing_field": (
        STRUCTURE,
        [
            "26:5: event 1 (turn 3) has no 'factor' — add factor: and a number such as 0.5 (a production_shock event needs state and factor)"
        ],
    ),
    "event_share_no_bound": (
        MEANING,
        [
            "27:20: the power_share of event 1 needs one bound, above: or below: — give above: 0.4 (more than 40% of all power) or below: 0.1, not both"
        ],
    ),
    "event_share_out_of_range": (
        STRUCTURE,
        ["27:40: power_share above of event 1 is 40, above the maximum 1 — use a number of at most 1"],
    ),
    "event_turn_and_when": (
        MEANING,
        [
            "27:5: event 1 (turn 2) has both turn: and when: — give turn: for a fixed turn, or when: for conditions (with first_turn:/last_turn: for a window)"
        ],
    ),
    "event_unknown_kind": (
        STRUCTURE,
        [
            "27:11: event 1 (turn 3) has the unknown kind 'plague' — use one of: production_shock, regime_change, values, war, add_state, remove_state, message"
        ],
    ),
    "event_when_unknown_state": (
        MEANING,
        ["27:19: the when: of event 1 names unknown state 'OSM' — did you mean 'OST'?"],
    ),
    "forces_foreign": (
        MEANING,
        [
            "6:24: forces of state 'VAR' stand in 'ostmark', a province of 'OST' — place starting forces in VAR's own provinces"
        ],
    ),
    "forces_zero": (
        STRUCTURE,
        ["6:21: forces in 'varon' of state 'VAR' is 0, below the minimum 1 — use a number of at least 1"],
    ),
    "format_2": (
        STRUCTURE,
        ["1:9: format 2 is not supported; this game reads format 1 — write format: 1, or remove the line"],
    ),
    "guarantee_self": (
        MEANING,
        [
            "28:13: agreement 1 (guarantee) has 'VAR' as both patron and client — the client must be another state"
        ],
    ),
    "link_three_provinces": (
        STRUCTURE,
        ["22:5: link 1 has 3 items, but takes at most 2 — a link joins two provinces: [a, b]"],
    ),
    "many_problems": (
        MIXED,
        [
            "3:1: unknown key 'auther' — did you mean 'author'?",
            "8:24: forces of state 'VAR' stand in 'ostmark', a province of 'OST' — place starting forces in VAR's own provinces",
            "11:13: colour of state 'OST' is 'blue', which is not a colour — write it as \"#rrggbb\" in quotes, e.g. \"#c0392b\"",
            "16:17: production of province 'varon' should be a number, not 'lots' — write a number such as 3 or 2.5",
            "24:13: link names unknown province 'ostmrk' — did you mean 'ostmark'?",
            "30:13: agreement 1 (guarantee) has 'VAR' as both patron and client — the client must be another state",
        ],
    ),
    "missing_pos": (STRUCTURE, ["18:5: province 'isle' has no 'pos' — add pos: [x, y]"]),
    "missing_title": (STRUCTURE, ["2:1: the map has no 'title' — add title: and the scenario's title"]),
    "negative_treasury": (
        STRUCTURE,
        ["10:15: treasury of state 'OST' is -5, below the minimum 0 — use a number of at least 0"],
    ),
    "not_utf8": (
        YAML,
        ["8:15: the file is not UTF-8 text — save it as UTF-8 text (a map is a plain text file)"],
    ),
    "one_state": (STRUCTURE, ["3:3: the map has 1 state, but needs at least 2 — add another state"]),
    "pos_three_numbers": (
        STRUCTURE,
        ["20:10: pos of province 'isle' has 3 items, but takes at most 2 — write the position as [x, y]"],
    ),
    "position_outside": (
        MEANING,
        [
            "20:10: position [1200, 300] of province 'isle' is outside the map size [1000, 600] — use x from 0 to 1000 and y from 0 to 600, or make size: larger"
        ],
    ),
    "python_tag": (
        YAML,
        [
            "1:8: the tag !!python/object/apply:os.system is not allowed in a map — remove it; maps use plain values only and nothing in them runs"
        ],
    ),
    "regime_change_nothing": (
        MEANING,
        ["26:5: event 1 (turn 3) changes nothing — give it values:, personality: or both"],
    ),
    "remove_state_unknown_heir": (
        MEANING,
        ["29:11: event 1 (turn 2) names unknown state 'VRA' — did you mean 'VAR'?"],
    ),
    "same_position": (
        MEANING,
        [
            "20:10: province 'isle' is at the same position as 'ostmark' (line 17) — move one of them: each province needs its own place"
        ],
    ),
    "sea_link_repeats_land": (
        MEANING,
        ["25:5: sea link [varon, ostmark] repeats the land link on line 22 — remove one of them"],
    ),
    "self_link": (MEANING, ["23:5: link joins 'isle' to itself — a link joins two different provinces"]),
    "state_without_provinces": (
        MEANING,
        ["10:9: state 'ISL' owns no province — give it a province (owner: ISL) or remove the state"],
    ),
    "syntax_error": (
        YAML,
        [
            "18:7: YAML syntax error: did not find expected ',' or ']' — a bracket is not closed, or a ',' is missing between items"
        ],
    ),
    "tab_indent": (
        YAML,
        [
            "20:1: YAML syntax error: found a tab character that violates indentation — indent with spaces, not tabs"
        ],
    ),
    "too_deep": (
        YAML,
        [
            "2:29: the lists and mappings nest more than 20 levels deep — a map never needs this much nesting; check the indentation and brackets"
        ],
    ),
    "top_level_list": (
        STRUCTURE,
        [
            "1:1: the map is a list, not a mapping of keys — start with keys such as title:, states: and provinces: (see docs/MAPS.md)"
        ],
    ),
    "two_documents": (
        YAML,
        [
            "25:1: YAML syntax error: expected a single document in the stream, but found another document — a map is one document; remove the extra '---' line"
        ],
    ),
    "unknown_link_province": (
        MEANING,
        ["22:13: link names unknown province 'ostmrk' — did you mean 'ostmark'?"],
    ),
    "unknown_owner": (
        MEANING,
        ["12:12: owner of province 'varon' names unknown state 'VRA' — did you mean 'VAR'?"],
    ),
    "unknown_rule": (STRUCTURE, ["26:3: unknown rule 'turn_limt' — did you mean 'turn_limit'?"]),
    "unknown_state_key": (
        STRUCTURE,
        ["10:5: unknown key 'treasure' in state 'OST' — did you mean 'treasury'?"],
    ),
    "unknown_top_key": (STRUCTURE, ["2:1: unknown key 'auther' — did you mean 'author'?"]),
    "unquoted_colour": (
        STRUCTURE,
        [
            "9:12: colour of state 'OST' is empty — quote the colour, e.g. colour: \"#c0392b\" (an unquoted # starts a comment)"
        ],
    ),
    "unreachable_province": (
        MEANING,
        [
            "18:9: province 'isle' cannot be reached from 'varon' — link it to a neighbour under links: or sea_links:"
        ],
    ),
    "values_out_of_range": (
        STRUCTURE,
        ["10:19: item 2 of values of state 'OST' is 1.5, above the maximum 1 — use a number of at most 1"],
    ),
    "veto_unknown_state": (MEANING, ["26:23: veto_holders names unknown state 'OTS' — did you mean 'OST'?"]),
    "war_both_sides": (MEANING, ["27:22: war 1 puts 'VAR' on both sides — a state fights on one side only"]),
    "event_unknown_concept": (
        MEANING,
        ["29:14: event 1 (turn 2) names no glossary card 'bandwaggoning' — did you mean 'bandwagoning'?"],
    ),
    "war_event_on_itself": (
        MEANING,
        ["29:13: event 1 (turn 2) has 'VAR' declare war on itself — name another state as target"],
    ),
    "wrong_type_bool_rule": (
        STRUCTURE,
        ["26:28: rule capital_loss_eliminates should be true or false, not 1 — write true or false"],
    ),
    "wrong_type_production": (
        STRUCTURE,
        [
            "14:17: production of province 'varon' should be a number, not 'lots' — write a number such as 3 or 2.5"
        ],
    ),
    "wrong_type_rule": (
        STRUCTURE,
        ["26:15: rule turn_limit should be a whole number, not 10.5 — write a whole number such as 3"],
    ),
    "year_as_text": (
        STRUCTURE,
        ["2:7: year should be a whole number, not '1914' — write a whole number such as 3"],
    ),
}


def _lines(path: Path) -> list[str]:
    """The problem lines for a map, with the file's path cut off."""
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    prefix = f"{path}:"
    assert all(line.startswith(prefix) for line in info.value.lines()), info.value.lines()
    return [line[len(prefix) :] for line in info.value.lines()]


def test_the_table_names_every_bad_map() -> None:
    files = {p.stem for p in BAD_MAPS.glob("*.yaml")}
    assert files == set(TABLE)
    assert len(files) >= 25


@pytest.mark.parametrize("name", sorted(TABLE))
def test_bad_map(name: str) -> None:
    assert _lines(BAD_MAPS / f"{name}.yaml") == TABLE[name][1]


def test_the_error_message_is_every_line() -> None:
    path = BAD_MAPS / "many_problems.yaml"
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    assert str(info.value) == "\n".join(f"{path}:{line}" for line in TABLE["many_problems"][1])
    assert len(info.value.problems) == 6
    first = info.value.problems[0]
    assert (first.file, first.line, first.column) == (str(path), 3, 1)


def test_file_too_big(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(MINIMAL.read_bytes() + b"#" * MAX_BYTES)
    size = path.stat().st_size
    assert _lines(path) == [
        f"1:1: the file has {size:,} bytes, over the limit of 2,097,152 bytes (2 MiB) for maps "
        "— a map is a short text file; check that this is the right file"
    ]


def test_file_at_the_size_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "padded.yaml"
    text = MINIMAL.read_bytes()
    path.write_bytes(text + b"#" * (MAX_BYTES - len(text)))
    assert load_scenario(path).title == "Two Rivers"


def test_file_not_found(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.yaml"
    assert _lines(path) == ["1:1: file not found — check the file name and folder"]


def test_folder_given(tmp_path: Path) -> None:
    assert _lines(tmp_path) == [
        "1:1: this is a folder, not a map file — give the path of a .yaml file inside it"
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_not_opened(tmp_path: Path) -> None:
    path = tmp_path / "pipe.yaml"
    os.mkfifo(path)
    assert _lines(path) == ["1:1: this is not a regular file — give the path of a .yaml map file"]


def test_alias_bomb_is_refused_fast() -> None:
    start = time.process_time()
    with pytest.raises(ScenarioError):
        load_scenario(BAD_MAPS / "alias_bomb.yaml")
    assert time.process_time() - start < 0.1


def test_alias_without_anchor_is_refused() -> None:
    with pytest.raises(ScenarioError) as info:
        parse_scenario("title: *nothing\n", "x.yaml")
    assert info.value.lines() == [
        "x.yaml:1:8: alias *nothing is not allowed in a map — "
        "write the values out in full (maps use no anchors or aliases)"
    ]


DEEP = {
    "flow lists": "[" * 100_000,
    "flow mappings": "{a: " * 100_000,
    "block lists": "\n".join(" " * (2 * i) + "- " for i in range(1_000)),  # 1 MB
}


@pytest.mark.parametrize("text", DEEP.values(), ids=DEEP.keys())
def test_deep_nesting_is_refused_fast(text: str) -> None:
    start = time.process_time()
    with pytest.raises(ScenarioError) as info:
        parse_scenario(text, "deep.yaml")
    assert time.process_time() - start < 0.1
    assert f"nest more than {MAX_DEPTH} levels deep" in str(info.value)


def test_nesting_at_the_limit_is_read() -> None:
    depth = MAX_DEPTH - 1  # the top-level mapping is the first level
    text = MINIMAL.read_text() + "sources: " + "[" * depth + "]" * depth + "\n"
    with pytest.raises(ScenarioError) as info:
        parse_scenario(text, "x.yaml")
    assert "nest" not in str(info.value)  # refused by type (sources are text), not by depth


def test_yes_and_numbers_as_keys_stay_text() -> None:
    with pytest.raises(ScenarioError) as info:
        parse_scenario(MINIMAL.read_text() + "yes: 1\n1914: 2\n", "x.yaml")
    assert [p.message for p in info.value.problems] == ["unknown key 'yes'", "unknown key '1914'"]


def test_explicit_collection_tags_are_refused() -> None:
    with pytest.raises(ScenarioError) as info:
        parse_scenario("title: x\nsources: !!set {a, b}\n", "x.yaml")
    assert info.value.lines() == [
        "x.yaml:2:10: the tag !!set is not allowed in a map — "
        "remove it; maps use plain values only and nothing in them runs"
    ]


# Never a traceback: whatever the bytes, the loader raises ScenarioError or returns a Scenario.
MINIMAL_TEXT = MINIMAL.read_text(encoding="utf-8")


def _load_anything(data: bytes) -> None:
    """Load the bytes as a map; only a Scenario or a ScenarioError may come out."""
    try:
        parse_scenario(data, "fuzz.yaml")
    except ScenarioError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert str(problem).startswith("fuzz.yaml:")
            assert " — " in str(problem)
            assert problem.line >= 1 and problem.column >= 1


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_junk_bytes_never_crash(data: bytes) -> None:
    _load_anything(data)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{}#&*!|>'\"\n\t ,?%@`19.")), max_size=200))
def test_yaml_like_text_never_crashes(text: str) -> None:
    _load_anything(text.encode("utf-8"))


@settings(max_examples=300, deadline=None)
@given(
    st.integers(0, len(MINIMAL_TEXT) - 1),
    st.integers(0, 40),
    st.text(alphabet=st.sampled_from(list("xX0-9:[]{}#\"' \n,.-_")), max_size=8),
)
def test_damaged_minimal_map_never_crashes(start: int, length: int, insert: str) -> None:
    text = MINIMAL_TEXT[:start] + insert + MINIMAL_TEXT[start + length :]
    _load_anything(text.encode("utf-8"))
