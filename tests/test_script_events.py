"""Scripted events: conditions (an elimination, a power share, a turn window), new and vanished states,
new values; each fires once, deterministically, with its text in both languages."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_properties import check_invariants, play

from ai.tournament import Setup
from ai.tournament import play as tournament_game
from game.debrief import charts, timeline
from game.engine import resolve_turn
from game.engine.state import GameState
from game.replay import replay
from game.scenario import ScenarioError, load_scenario, parse_scenario
from game.session import Game, new_state
from game.text import catalog, describe
from game.ui import driver

BOARD = """
title: Scripts
rules: {turn_limit: 6, hegemony_share: 0.99}
states:
  - {id: VAR, name: Varonia, colour: "#c0392b", treasury: 5, forces: {varon: 3, east: 2}}
  - {id: OST, name: Ostmark, colour: "#2980b9", treasury: 7, forces: {ostmark: 2}}
  - {id: ISL, name: Isles, colour: "#27ae60", forces: {isle: 1}}
provinces:
  - {id: varon, owner: VAR, pos: [100, 300], production: 3}
  - {id: east, owner: VAR, pos: [300, 300]}
  - {id: ostmark, owner: OST, pos: [500, 300]}
  - {id: isle, owner: ISL, pos: [800, 300]}
links: [[varon, east], [east, ostmark]]
sea_links: [[ostmark, isle]]
agreements:
  - {kind: pact, id: entente, members: [OST, ISL]}
"""


def board(events: str) -> GameState:
    """Turn 1 of the test board with these events (YAML list items)."""
    return new_state(parse_scenario(BOARD + "events:\n" + events, "scripts.yaml"), seed=3)


def played(state: GameState, turns: int) -> tuple[GameState, list[list]]:
    """The state after some turns without orders, and each turn's scripted events."""
    fired = []
    for _ in range(turns):
        state, events = resolve_turn(state, [])
        fired.append([e for e in events if e.type == "scripted"])
    return state, fired


def test_remove_state_gives_the_heir_its_land_forces_and_treasury() -> None:
    s, fired = played(board("  - {turn: 1, kind: remove_state, state: ISL, heir: OST}\n"), 1)
    assert s.provinces["isle"].owner == "OST" and not s.nations["ISL"].alive
    assert s.forces["isle"] == {"OST": 1}  # the Isles' forces serve Ostmark now
    assert "entente" not in s.agreements  # the pact lost its member and dissolved
    assert [e.data["kind"] for e in fired[0]] == ["remove_state"]


def test_an_eliminated_condition_fires_the_turn_after_and_only_once() -> None:
    s, fired = played(
        board(
            "  - {turn: 2, kind: remove_state, state: ISL, heir: OST}\n"
            "  - {when: {eliminated: ISL}, kind: message, text: The Isles are gone.}\n"
        ),
        5,
    )
    kinds = [[e.data["kind"] for e in turn] for turn in fired]
    assert kinds == [[], ["remove_state"], ["message"], [], []]


def test_a_power_share_condition_waits_for_its_window_and_its_level() -> None:
    events = (
        "  - {when: {power_share: {state: VAR, above: 0.3}, first_turn: 3}, kind: message, text: late}\n"
        "  - {when: {power_share: {state: VAR, below: 0.3}}, kind: message, text: never}\n"
        "  - {when: {power_share: {state: ISL, below: 0.3}, last_turn: 1}, kind: message, text: first}\n"
        "  - {when: {power_share: {state: NEW, below: 0.3}}, kind: message, text: not before it exists}\n"
        "  - {turn: 5, kind: add_state, state: NEW, name: Newland, colour: '#888888', provinces: [east]}\n"
    )
    start = board(events)
    _, fired = played(start, 6)
    messages = [[e.data["message"] for e in turn if e.data["kind"] == "message"] for turn in fired]
    assert messages == [["first"], [], ["late"], [], [], ["not before it exists"]]


def test_a_window_that_closes_before_the_condition_holds_never_fires() -> None:
    events = "  - {when: {eliminated: ISL, last_turn: 2}, kind: message, text: too late}\n"
    events += "  - {turn: 3, kind: remove_state, state: ISL, heir: OST}\n"
    _, fired = played(board(events), 5)
    assert [e.data["kind"] for turn in fired for e in turn] == ["remove_state"]


def test_add_state_takes_provinces_sends_foreign_forces_home_and_moves_the_old_capital() -> None:
    events = (
        "  - turn: 2\n    kind: add_state\n    state: NEW\n    name: Newland\n    colour: '#888888'\n"
        "    provinces: [varon]\n    forces: {varon: 4}\n    personality: soft_balancer\n    treasury: 2\n"
    )
    s, fired = played(board(events), 2)
    new = s.nations["NEW"]
    assert new.alive and s.provinces["varon"].owner == "NEW" and new.capital == "varon"
    assert new.controller.personality == "soft_balancer" and new.start_provinces == 1
    assert s.forces["varon"] == {"NEW": 4}  # Varonia's 3 went home to its new capital
    assert s.nations["VAR"].capital == "east" and s.forces["east"]["VAR"] >= 3
    assert [e.type for e in _turn_events(board(events), 2)][:2] == ["scripted", "capital_moved"]
    assert describe(fired[1][0]).startswith("Event: a new state, Newland")


def _turn_events(state: GameState, turn: int) -> list:
    for _ in range(turn):
        state, events = resolve_turn(state, [])
    return events


def test_values_sets_figures_values_and_objective() -> None:
    events = (
        "  - {turn: 1, kind: values, state: OST, legitimacy: 12, development: 2.5, values: [0.1, 0.2, 0.3],"
        " objective: standing}\n"
    )
    before = board(events).nations["OST"]
    s, _ = played(board(events), 1)
    ost = s.nations["OST"]
    assert ost.values == [0.1, 0.2, 0.3] and ost.objective == "standing" and ost.development == 2.5
    assert (
        ost.legitimacy < 20 and before.legitimacy > 40
    )  # set to 12, then a turn's drift back toward the start


def test_events_of_a_gone_state_do_nothing_and_the_game_is_deterministic() -> None:
    events = (
        "  - {turn: 1, kind: remove_state, state: ISL, heir: OST}\n"
        "  - {turn: 2, kind: production_shock, state: ISL, factor: 0.5}\n"
        "  - {turn: 2, kind: remove_state, state: VAR, heir: ISL}\n"
    )
    one, fired = played(board(events), 3)
    two, _ = played(board(events), 3)
    assert one.to_dict() == two.to_dict()
    assert [e.data["kind"] for turn in fired for e in turn] == ["remove_state"]
    assert one.nations["VAR"].alive


def test_ai_games_play_on_with_a_state_added_during_the_game(tmp_path) -> None:
    events = (
        "  - when: {power_share: {state: VAR, above: 0.1}, first_turn: 2}\n    kind: add_state\n"
        "    state: NEW\n    name: Newland\n    colour: '#888888'\n    provinces: [east]\n"
        "    forces: {east: 2}\n    personality: balance_of_threat\n"
        "  - {when: {eliminated: ISL}, kind: war, state: NEW, target: OST}\n"
    )
    path = tmp_path / "scripts.yaml"
    path.write_text(BOARD + "events:\n" + events, encoding="utf-8")
    lines = tournament_game(Setup(str(path), 2))
    assert {line.state for line in lines} == {"VAR", "OST", "ISL", "NEW"}
    game = Game.new(parse_scenario(path.read_bytes(), str(path)), 2)
    while not game.over:
        game.play_turn()
    assert "NEW" in game.record.turns[-1]["states"] and "NEW" in game.record.scores
    assert any(entry["orders"].get("NEW") for entry in game.record.turns)  # the AI plays the new state
    again, _ = replay(game.record, path)
    assert again.to_dict() == game.state.to_dict()
    names = {n: x.name for n, x in game.state.nations.items()}
    assert timeline(game.record, names) and len(charts(game.record, game.state)) == 3


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_kind_of_event_has_its_text(lang: str) -> None:
    try:
        scripted = catalog(lang)["events"]["scripted"]
    except FileNotFoundError:
        pytest.skip(f"no {lang} catalog yet")
    kinds = ["production_shock", "regime_change", "values", "war", "add_state", "remove_state", "message"]
    assert all(scripted.get(kind) for kind in kinds)


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        (
            "  - {when: {eliminated: ISX}, kind: message, text: x}\n",
            "the when: of event 1 names unknown state 'ISX' — did you mean 'ISL'?",
        ),
        (
            "  - {when: {power_share: {state: VAR, above: 1.5}}, kind: message, text: x}\n",
            "power_share above of event 1 is 1.5, above the maximum 1 — use a number of at most 1",
        ),
        (
            "  - {when: {power_share: {state: VAR}}, kind: message, text: x}\n",
            "the power_share of event 1 needs one bound, above: or below:",
        ),
        ("  - {kind: message, text: x}\n", "event 1 has neither turn: nor when:"),
        ("  - {turn: 2, when: {eliminated: ISL}, kind: message, text: x}\n", "has both turn: and when:"),
        ("  - {when: {first_turn: 2}, kind: message, text: x}\n", "the when: of event 1 has no condition"),
        (
            "  - {when: {eliminated: ISL, first_turn: 4, last_turn: 3}, kind: message, text: x}\n",
            "ends (turn 3) before it begins (turn 4)",
        ),
        (
            "  - {when: {eliminated: ISL, last_turn: 9}, kind: message, text: x}\n",
            "is after the last turn (6)",
        ),
        ("  - {turn: 1, kind: remove_state, state: VAR, heir: VAR}\n", "has 'VAR' be its own heir"),
        ("  - {turn: 1, kind: remove_state, state: VAR, heir: NOPE}\n", "names unknown state 'NOPE'"),
        ("  - {turn: 1, kind: values, state: VAR}\n", "event 1 (turn 1) changes nothing"),
        (
            "  - {turn: 1, kind: add_state, state: OST, name: X, colour: '#111111', provinces: [isle]}\n",
            "adds state 'OST', whose id is already taken",
        ),
        (
            "  - {turn: 1, kind: add_state, state: NEW, name: X, colour: '#111111', provinces: [isle, isle]}\n",
            "lists 'isle' twice",
        ),
        (
            "  - {turn: 1, kind: add_state, state: NEW, name: X, colour: '#111111', provinces: [isle],"
            " forces: {varon: 2}}\n",
            "stand in 'varon', not one of its provinces",
        ),
        (
            "  - {turn: 1, kind: add_state, state: NEW, name: X, colour: '#111111', provinces: [isle],"
            " capital: varon}\n",
            "capital 'varon' of event 1 (turn 1) is not one of its provinces",
        ),
    ],
)
def test_bad_events_are_reported_at_their_place(events: str, expected: str) -> None:
    text = BOARD + "events:\n" + events
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text, "scripts.yaml")
    lines = caught.value.lines()
    assert len(lines) == 1 and expected in lines[0], lines
    assert lines[0].startswith(f"scripts.yaml:{BOARD.count(chr(10)) + 2}:")


def test_a_state_an_event_adds_may_be_named_by_later_events_but_not_by_agreements() -> None:
    events = (
        "  - {turn: 1, kind: add_state, state: NEW, name: X, colour: '#111111', provinces: [isle]}\n"
        "  - {turn: 2, kind: war, state: NEW, target: OST}\n"
    )
    assert len(parse_scenario(BOARD + "events:\n" + events).events) == 2
    with pytest.raises(ScenarioError, match="unknown state 'NEW'"):
        parse_scenario(BOARD.replace("[OST, ISL]", "[OST, NEW]") + "events:\n" + events)


def test_the_game_screen_paints_a_state_added_during_the_game(tmp_path, monkeypatch) -> None:
    import os

    from game.ui.app import App
    from game.ui.game_screen import GameScreen
    from game.ui.report_screen import ReportScreen
    from game.ui.settings import Settings
    from game.ui.turn_flow import start_game

    text = Path("maps/tutorial.yaml").read_text(encoding="utf-8") + (
        "  - turn: 2\n    kind: add_state\n    state: COR\n    name: Coralby Republic\n"
        "    colour: '#E69F00'\n    provinces: [coralby]\n    forces: {coralby: 2}\n"
        "    text: Coralby declares its independence from Isla.\n"
    )
    path = tmp_path / "tutorial-coralby.yaml"
    path.write_text(text, encoding="utf-8")
    scenario = load_scenario(path)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    app = App(Settings(sound=False), settings_file=tmp_path / "config" / "settings.json")
    try:
        controllers = {
            s.id: ("human" if s.id == "KAR" else "ai", s.personality, s.difficulty) for s in scenario.states
        }
        screen = app.push(GameScreen(app, start_game(scenario, 4, controllers)))
        app.step(2)
        for _ in range(2):
            driver.press(app, pygame.K_RETURN)
            screen.flow.ai.wait()
            app.step(3)
            while isinstance(app.top, ReportScreen) or app.top is not screen:
                driver.press(app, pygame.K_RETURN)
        assert screen.flow.state.nations["COR"].alive and screen.flow.state.turn == 3
        driver.move_to(app, (0, app.size[1] - 1))
        painted = {
            screen.view.provinces[p].owner: screen.map.province_colour(p) for p in screen.view.provinces
        }
        pixel = app.surface.get_at(screen.map.centre_of("coralby"))[:3]
        nearest = min(
            painted, key=lambda n: sum((a - b) ** 2 for a, b in zip(painted[n], pixel, strict=True))
        )
        assert nearest == "COR"
        if os.environ.get("UI_SCREENSHOTS"):
            driver.move_to(app, screen.map.centre_of("coralby"))
            app.screenshot(Path("docs/screenshots/script_new_state.png"))
    finally:
        app.close()


def test_the_editors_renames_and_deletions_follow_the_events(tmp_path: Path) -> None:
    from game.editor import edits as e
    from game.editor.session import Session

    path = tmp_path / "events.yaml"
    path.write_text(
        Path("maps/tutorial.yaml").read_text(encoding="utf-8")
        + "  - {turn: 3, kind: add_state, state: COR, name: Coralby, colour: '#E69F00',"
        " provinces: [coralby, highmoor], capital: coralby, forces: {coralby: 2}}\n"
        "  - {when: {eliminated: ISL, power_share: {state: VAR, above: 0.3}}, kind: message, text: x}\n"
        "  - {turn: 4, kind: remove_state, state: DRA, heir: OST}\n",
        encoding="utf-8",
    )
    session = Session.open(str(path))
    for edit in (e.RenameState("ISL", "ISLA"), e.RenameState("VAR", "VARO"), e.RenameState("OST", "OSTM")):
        session.apply(edit)
    session.apply(e.RenameProvince("coralby", "coral"))
    added, message, removed = parse_scenario(session.text).events[-3:]
    assert (added.provinces, added.capital, added.forces) == (["coral", "highmoor"], "coral", {"coral": 2})
    assert message.when.eliminated == "ISLA" and message.when.power_share.state == "VARO"
    assert removed.heir == "OSTM"
    session.apply(e.DeleteProvince("coral"))
    added = parse_scenario(session.text).events[-3]
    assert (added.provinces, added.capital, added.forces) == (["highmoor"], None, {})
    session.apply(e.DeleteProvince("highmoor"))  # the new state has no land left: its event goes
    session.apply(e.DeleteState("OSTM"))  # and so does the event that gives Dravia to Ostmark
    assert [ev.kind for ev in parse_scenario(session.text).events][-1] == "message"
    assert session.problems == []


STATES = ["VAR", "OST", "ISL"]
PROVINCES = ["varon", "east", "ostmark", "isle"]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), data=st.data())
def test_random_events_and_random_play_keep_the_invariants(seed: int, data: st.DataObject) -> None:
    events = []
    for i in range(data.draw(st.integers(1, 4))):
        timing = data.draw(
            st.sampled_from(
                [
                    f"turn: {data.draw(st.integers(1, 5))}",
                    f"when: {{eliminated: {data.draw(st.sampled_from(STATES))}}}",
                    f"when: {{power_share: {{state: {data.draw(st.sampled_from(STATES))}, above: 0.2}}}}",
                ]
            )
        )
        kind = data.draw(st.sampled_from(["add", "remove", "war"]))
        if kind == "add":
            land = data.draw(st.lists(st.sampled_from(PROVINCES), min_size=1, max_size=3, unique=True))
            body = f"kind: add_state, state: N{i}, name: New {i}, colour: '#123456', provinces: [{', '.join(land)}]"
            body += f", forces: {{{land[0]}: 2}}"
        else:
            a, b = data.draw(st.lists(st.sampled_from(STATES), min_size=2, max_size=2, unique=True))
            body = (
                f"kind: remove_state, state: {a}, heir: {b}"
                if kind == "remove"
                else f"kind: war, state: {a}, target: {b}"
            )
        events.append(f"  - {{{timing}, {body}}}\n")
    state = board("".join(events))
    check_invariants(state)
    play(state, 6, seed, chaos=data)


def test_a_scripted_event_names_its_concept_and_the_log_links_its_card() -> None:
    from game.text import explain
    from game.ui.log_view import log_html
    from game.ui.turn_flow import LogLine

    state = new_state(load_scenario("maps/europe-1936.yaml"), 1)
    _, events = resolve_turn(state, {})
    opening = next(e for e in explain(events) if e.type == "scripted" and e.data["kind"] == "message")
    assert opening.concept == "buck_passing"
    line = LogLine(1, opening.type, opening.text, list(opening.actors), opening.concept, opening.data)
    assert "they hope to appease" in log_html([line], None)
    assert "href='card:buck_passing'" in log_html([line], None)
