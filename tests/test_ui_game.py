"""The game screen driven like a player: real clicks and keys on real screens, headless."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pygame
from conftest import shoot

from game.engine.orders import Budget, Move
from game.engine.state import Proposal
from game.scenario import load_scenario
from game.ui import driver
from game.ui.app import App
from game.ui.assembly_screen import SessionScreen
from game.ui.dialogs import ConfirmDialog, DiplomacyDialog, MoveDialog
from game.ui.end_screen import EndScreen
from game.ui.game_screen import GameScreen
from game.ui.handover_screen import HandoverScreen
from game.ui.menu_screen import MenuScreen
from game.ui.order_text import kind_text
from game.ui.report_screen import ReportScreen
from game.ui.setup_screen import SetupScreen
from game.ui.text import t
from game.ui.theme import state_colours
from game.ui.turn_flow import start_game

TUTORIAL = Path("maps/tutorial.yaml")


def game_screen(app: App, humans: tuple[str, ...] = ("KAR",), seed: int = 5) -> GameScreen:
    scenario = load_scenario(TUTORIAL)
    controllers = {
        s.id: ("human" if s.id in humans else "ai", s.personality, s.difficulty) for s in scenario.states
    }
    screen = app.push(GameScreen(app, start_game(scenario, seed, controllers)))
    app.step(2)
    return screen


def resolve(app: App, screen: GameScreen) -> None:
    """Let the AI finish (it runs in its worker thread), the screen resolve the turn, and close its report."""
    if screen.flow.ai:
        screen.flow.ai.wait()
    app.step(3)
    while isinstance(app.top, (ReportScreen, SessionScreen)):
        driver.press(app, pygame.K_RETURN)


def click_province(app: App, screen: GameScreen, province: str) -> None:
    driver.click_at(app, screen.map.centre_of(province))


def test_from_the_menu_through_setup_to_a_resolved_turn(app):
    app.push(MenuScreen(app))
    app.step(2)
    driver.move_to(app, (app.size[0] - 1, app.size[1] // 2))
    shoot(app, "menu.png")
    driver.click(app, driver.find_button(app, t("menu.new_game")))
    assert isinstance(app.top, SetupScreen)
    app.step(2)
    driver.move_to(app, (app.size[0] - 1, app.size[1] // 2))
    shoot(app, "setup.png")
    driver.click(app, driver.find_button(app, t("setup.start")))
    screen = app.top
    assert isinstance(screen, GameScreen) and screen.me == "KAR"
    click_province(app, screen, "kardos")
    assert screen.source == "kardos" and screen.map.marks["highmoor"] == "reinforce"
    click_province(app, screen, "highmoor")
    assert isinstance(screen.dialog, MoveDialog)
    driver.click(app, screen.dialog.confirm_button)
    assert screen.flow.orders["KAR"] == [Move("KAR", "kardos", "highmoor", 5)]
    knob = screen.split_slider.sliding_button.rect.center
    driver.drag(app, knob, (knob[0] + 60, knob[1]))
    assert any(isinstance(o, Budget) for o in screen.flow.orders["KAR"])
    driver.press(app, pygame.K_RETURN)
    assert screen.resolving or screen.flow.state.turn == 2
    resolve(app, screen)
    assert screen.flow.state.turn == 2 and not screen.resolving
    assert screen.flow.log and t("log.turn", turn=1) in screen.log_box.html_text
    if screen.flow.saving:
        screen.flow.saving.wait()  # the autosave is written in the background
    assert (Path(os.environ["XDG_CONFIG_HOME"]) / "balancing-act" / "saves" / "autosave.json").exists()
    click_province(app, screen, "redcliff")
    driver.move_to(app, screen.map.centre_of("highmoor"))
    shoot(app, "game.png")


def test_each_state_is_painted_in_its_colour_where_its_provinces_are(app):
    screen = game_screen(app)
    for layer in ("pacts", "guarantees", "blocs"):
        driver.click(app, driver.find_button(app, t(f"layers.{layer}")))
    assert not (screen.map.layers.pacts or screen.map.layers.guarantees or screen.map.layers.blocs)
    driver.move_to(app, (0, app.size[1] - 1))
    territory = {
        n: screen.map.province_colour(p)
        for p in screen.view.provinces
        for n in [screen.view.provinces[p].owner]
    }
    for province, prov in screen.view.provinces.items():
        pixel = app.surface.get_at(screen.map.centre_of(province))[:3]
        nearest = min(
            territory, key=lambda n: sum((a - b) ** 2 for a, b in zip(territory[n], pixel, strict=True))
        )
        assert nearest == prov.owner, (province, pixel)
    assert t("panel.threats", state="Kardessa") and screen.view.nations["KAR"].name == "Kardessa"


def test_the_colour_blind_palette_repaints_a_game_already_open(app):
    screen = game_screen(app)
    driver.move_to(app, (0, app.size[1] - 1))
    paint = {"map": screen.map.province_colour("varon")[:3]}
    app.apply_settings(replace(app.settings, colour_blind=True))
    app.step(3)
    paint["safe"] = screen.map.province_colour("varon")[:3]
    pixel = app.surface.get_at(screen.map.centre_of("varon"))[:3]
    declared = {n: x.colour for n, x in screen.view.nations.items()}
    assert screen.colours == state_colours(declared, True) != state_colours(declared, False)
    distance = {k: sum((a - b) ** 2 for a, b in zip(c, pixel, strict=True)) for k, c in paint.items()}
    assert distance["safe"] < distance["map"], (pixel, paint)


def test_an_illegal_move_shows_the_engines_reason_and_is_not_given(app):
    screen = game_screen(app)
    click_province(app, screen, "redcliff")
    click_province(app, screen, "riverford")
    assert screen.flow.orders["KAR"] == []
    assert screen.toast and screen.toast[1]
    assert "you are not at war with Varonia" in screen.toast[0]
    assert screen.dialog is None


def test_ctrl_z_takes_back_the_last_order(app):
    screen = game_screen(app)
    click_province(app, screen, "kardos")
    click_province(app, screen, "eastwatch")
    driver.click(app, screen.dialog.confirm_button)
    assert len(screen.flow.orders["KAR"]) == 1
    a, b = screen.map.centre_of("kardos"), screen.map.centre_of("eastwatch")
    arrow = ((a[0] * 2 + b[0]) // 3, (a[1] * 2 + b[1]) // 3)
    planned = t("map.planned_move", strength=5, source="Kardos", dest="Eastwatch")
    assert screen.map.tooltip_at(arrow) == [planned]
    driver.press(app, pygame.K_z, pygame.KMOD_CTRL)
    assert screen.flow.orders["KAR"] == []
    assert screen.map.arrows == []


def test_diplomacy_says_what_a_commitment_means_before_it_is_given(app):
    screen = game_screen(app)
    click_province(app, screen, "osterholm")
    assert screen.selected == "OST"
    driver.click(app, screen.diplomacy_button)
    dialog = screen.dialog
    assert isinstance(dialog, DiplomacyDialog) and dialog.target == "OST"
    offer = t("diplomacy.offer_guarantee", target="Ostmark")
    item = next(i for i in dialog.list.item_list if i["text"] == offer)
    driver.click(app, item["button_element"])
    assert t("diplomacy.means_offer_guarantee") in dialog.meaning.html_text
    driver.click(app, dialog.confirm_button)
    assert [o.kind for o in screen.flow.orders["KAR"]] == ["guarantee_offer"]


def test_a_war_declaration_first_shows_its_cost_and_who_is_called_to_arms(app):
    screen = game_screen(app, humans=("VAR",))
    click_province(app, screen, "kardos")
    driver.click(app, screen.war_button)
    dialog = screen.dialog
    assert isinstance(dialog, ConfirmDialog)
    text = dialog.text.html_text
    assert t("war.cost", cost=screen.view.rules.war_legitimacy_cost) in text
    assert t("war.called", state="Dravia", agreement="River Pact") in text
    assert screen.flow.orders["VAR"] == []
    driver.click(app, dialog.confirm_button)
    assert [o.type for o in screen.flow.orders["VAR"]] == ["declare_war"]


def test_hot_seat_hands_over_and_hides_the_last_players_orders(app):
    screen = game_screen(app, humans=("KAR", "DRA"))
    assert isinstance(app.top, HandoverScreen)
    driver.press(app, pygame.K_RETURN)
    assert app.top is screen and screen.me == "KAR"
    click_province(app, screen, "kardos")
    click_province(app, screen, "highmoor")
    driver.click(app, screen.dialog.confirm_button)
    kardessa_order = t("orders.move", strength=5, source="Kardos", dest="Highmoor")
    assert kardessa_order in screen.orders_box.html_text
    driver.click(app, screen.end_button)
    assert isinstance(app.top, HandoverScreen)
    shoot(app, "handover.png")
    pixel = app.surface.get_at(screen.map.centre_of("kardos"))[:3]
    assert pixel != screen.map.province_colour("kardos")
    driver.click(app, app.top.ready)
    assert app.top is screen and screen.me == "DRA"
    assert kardessa_order not in screen.orders_box.html_text
    assert screen.map.arrows == [] and screen.flow.orders["DRA"] == []
    driver.press(app, pygame.K_RETURN)
    resolve(app, screen)
    assert screen.flow.state.turn == 2
    assert isinstance(app.top, HandoverScreen)


def test_a_whole_tutorial_game_from_the_menu_to_the_end_screen(app):
    app.push(MenuScreen(app))
    app.step(2)
    driver.click(app, driver.find_button(app, t("menu.tutorial")))
    screen = app.top
    assert isinstance(screen, GameScreen) and screen.me == "KAR"
    for turn in range(1, screen.flow.state.rules.turn_limit + 1):
        assert app.top is screen and screen.flow.state.turn == turn
        knob = screen.spend_slider.sliding_button.rect.center
        driver.drag(app, knob, (knob[0] + 20 * (turn % 3), knob[1]))
        driver.press(app, pygame.K_RETURN)
        resolve(app, screen)
        while app.top is not screen and not isinstance(app.top, EndScreen):
            driver.press(app, pygame.K_RETURN)  # the turn's report and the Assembly's session
        if isinstance(app.top, EndScreen):
            break
    assert isinstance(app.top, EndScreen) and screen.flow.state.over
    assert screen.flow.game.record.finished and len(screen.flow.game.record.turns) == turn


def test_answering_a_proposal_says_what_accepting_commits_to(app):
    scenario = load_scenario(TUTORIAL)
    controllers = {s.id: (s.controller, s.personality, s.difficulty) for s in scenario.states}
    game = start_game(scenario, 5, controllers)
    state = game.state
    state.proposals.append(Proposal(state.new_id("p"), "guarantee_offer", "DRA", "KAR", turn=state.turn - 1))
    screen = app.push(GameScreen(app, game))
    app.step(2)
    driver.click(app, screen.diplomacy_button)
    dialog = screen.dialog
    accept = t("diplomacy.accept", what=kind_text("guarantee_offer"), sender="Dravia")
    item = next(i for i in dialog.list.item_list if i["text"] == accept)
    driver.click(app, item["button_element"])
    assert t("diplomacy.means_request_guarantee") in dialog.meaning.html_text
    driver.click(app, dialog.confirm_button)
    assert [(o.type, o.accept) for o in screen.flow.orders["KAR"]] == [("answer", True)]
    assert accept not in [i["text"] for i in dialog.list.item_list]  # answered: no longer offered


def test_clicking_another_of_ones_own_stacks_selects_it_instead(app):
    screen = game_screen(app)
    click_province(app, screen, "highmoor")
    assert screen.source == "highmoor" and "saltmarsh" not in screen.map.marks
    click_province(app, screen, "saltmarsh")
    assert screen.source == "saltmarsh" and screen.dialog is None and screen.flow.orders["KAR"] == []
