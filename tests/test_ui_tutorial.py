"""The guided tutorial played through the real screens with real events: every step checked in the game."""

from __future__ import annotations

from pathlib import Path

import pygame
import yaml
from conftest import shoot

from game.ui import driver
from game.ui.app import App
from game.ui.assembly_screen import AssemblyScreen
from game.ui.dialogs import DiplomacyDialog, MoveDialog
from game.ui.game_screen import AUTOSAVE, GameScreen
from game.ui.help_screen import HelpScreen
from game.ui.menu_screen import MenuScreen
from game.ui.projector_screen import ProjectorScreen
from game.ui.settings import load_settings, saves_dir
from game.ui.text import set_language, t
from game.ui.tutorial import BUTTONS, DONE_SECONDS, Coach, TutorialOffer, load_script, offer_once

TEXT = Path("game/text")


class Player:
    """Drives the app like a person and counts what they do: each click, drag or key press is one action."""

    def __init__(self, app: App) -> None:
        self.app, self.actions = app, 0

    def click(self, widget) -> None:
        self.click_at(widget.rect.center)

    def click_at(self, pos: tuple[int, int]) -> None:
        self.actions += 1
        driver.click_at(self.app, pos)

    def press(self, key: int) -> None:
        self.actions += 1
        driver.press(self.app, key)

    def drag(self, start: tuple[int, int], end: tuple[int, int]) -> None:
        self.actions += 1
        driver.drag(self.app, start, end)

    def link(self, box, target: str) -> None:
        self.actions += 1
        driver.click_link(self.app, box, target)

    def card(self, coach: Coach, key: str) -> None:
        """Press one of the coach's own buttons."""
        self.click_at(card_button(coach, key).center)

    def province(self, screen: GameScreen, province: str) -> None:
        self.click_at(screen.map.centre_of(province))


def card_button(coach: Coach, key: str) -> pygame.Rect:
    return next(b.rect for b in coach.buttons if b.key == f"tutorial.{key}")


def open_from_menu(app: App, player: Player) -> Coach:
    app.push(MenuScreen(app))
    app.step(2)
    player.click(driver.find_button(app, t("menu.tutorial")))
    coach = app.overlay
    assert isinstance(coach, Coach) and isinstance(app.top, GameScreen) and coach.index == 0
    return coach


def on_step(app: App, coach: Coach, step: str) -> None:
    """Let the coach move on (it shows "Well done" a moment first) and check it is at `step`, its control ringed."""
    for _ in range(round(DONE_SECONDS * 60) + 20):
        if coach.step.id == step and not coach.done:
            break
        app.step(1)
    assert coach.step.id == step
    app.step(1)
    assert coach.target() is not None, f"nothing to ring for step {step}"


def test_the_whole_tutorial_is_played_through_the_screens_in_under_40_actions(app):
    player = Player(app)
    coach = open_from_menu(app, player)
    screen = app.top
    assert screen.flow.state.seed == load_script().seed and screen.me == "KAR"
    on_step(app, coach, "welcome")
    driver.move_to(app, (0, app.size[1] - 1))
    shoot(app, "tutorial-welcome.png")
    player.card(coach, "next")
    on_step(app, coach, "select_rival")
    player.province(screen, "riverford")
    on_step(app, coach, "threat")
    player.card(coach, "next")
    on_step(app, coach, "budget")
    knob = screen.split_slider.sliding_button.rect.center
    player.drag(knob, (knob[0] - 60, knob[1]))
    on_step(app, coach, "pick_forces")
    player.province(screen, "kardos")
    on_step(app, coach, "move")
    player.province(screen, "highmoor")
    assert isinstance(screen.dialog, MoveDialog) and coach.target() == screen.dialog.confirm_button.rect
    player.click(screen.dialog.confirm_button)
    for step in ("war", "pact", "bloc"):
        on_step(app, coach, step)
        player.card(coach, "next")
    on_step(app, coach, "select_ostmark")
    player.province(screen, "osterholm")
    on_step(app, coach, "guarantee")
    assert t("orders.diplomacy") in coach.texts()[2]  # the card names the button as it reads on screen
    player.click(screen.diplomacy_button)
    dialog = screen.dialog
    assert isinstance(dialog, DiplomacyDialog) and dialog.target == "OST"
    offer = t("diplomacy.offer_guarantee", target="Ostmark")
    item = next(i["button_element"] for i in dialog.list.item_list if i["text"] == offer)
    assert coach.target() == item.rect  # the line to choose is ringed, and the card keeps clear of the dialog
    assert not coach.rect.colliderect(dialog.window.rect)
    driver.move_to(app, (0, app.size[1] - 1))
    shoot(app, "tutorial-guarantee.png")
    player.click(item)
    assert coach.target() == dialog.confirm_button.rect
    player.click(dialog.confirm_button)
    on_step(app, coach, "end_turn")
    assert coach.target() == dialog.cancel_button.rect
    player.click(dialog.cancel_button)
    assert coach.target() == screen.end_button.rect
    player.click(screen.end_button)
    if screen.flow.ai:
        screen.flow.ai.wait()
    app.step(3)
    assert not (saves_dir() / AUTOSAVE).exists()  # the tutorial leaves the player's autosave alone
    on_step(app, coach, "report")
    driver.move_to(app, (app.size[0] // 2, 0))
    shoot(app, "tutorial-report.png")
    while app.top is not screen:
        player.press(pygame.K_RETURN)  # the turn report (and the Assembly's session, if it voted)
    on_step(app, coach, "log")
    player.link(screen.log_box, next(c.href for c in screen.log_box.link_hover_chunks))  # the top one
    assert isinstance(app.top, HelpScreen) and app.top.shown
    on_step(app, coach, "card")
    driver.move_to(app, (app.size[0] // 2, 0))
    shoot(app, "tutorial-card.png")
    player.press(pygame.K_ESCAPE)
    on_step(app, coach, "assembly")
    player.click(next(b for b, key in screen.bar.buttons.items() if key == "top.assembly"))
    assembly = app.top
    assert isinstance(assembly, AssemblyScreen)
    on_step(app, coach, "vote")
    driver.move_to(app, (0, app.size[1] - 1))
    shoot(app, "tutorial-assembly.png")
    if assembly.votes:
        player.click(next(iter(next(iter(assembly.votes.values())).buttons)))
    else:
        player.click(assembly.table_button)
    assert any(o.type in ("vote", "table") for o in screen.flow.orders["KAR"])
    on_step(app, coach, "legitimacy")
    player.card(coach, "next")
    on_step(app, coach, "back_to_board")
    player.press(pygame.K_ESCAPE)
    on_step(app, coach, "winning")
    player.card(coach, "finish")
    assert app.overlay is None and app.top is screen and not screen.flow.state.over
    print(f"the tutorial took {player.actions} player actions")
    assert player.actions < 40, player.actions


def test_next_does_not_complete_a_step_that_asks_for_an_action(app):
    player = Player(app)
    coach = open_from_menu(app, player)
    player.card(coach, "next")
    on_step(app, coach, "select_rival")
    next_button = next(b for b in coach.buttons if b.key == "tutorial.next")
    assert not next_button.enabled
    player.click_at(next_button.rect.center)
    app.step(60)
    assert coach.step.id == "select_rival" and app.top.selected == "KAR"
    player.province(
        app.top, "kardos"
    )  # one's own state, and its forces picked up: not what the step asks for
    app.step(60)
    assert coach.step.id == "select_rival" and app.top.source == "kardos"
    player.press(pygame.K_ESCAPE)  # Esc puts the forces down first; it skips the step only when idle
    assert coach.step.id == "select_rival" and app.top.source is None
    player.province(app.top, "ironhills")  # any Varonian province will do
    assert coach.done and coach.step.id == "select_rival"
    on_step(app, coach, "threat")


def test_steps_can_be_skipped_the_tutorial_left_and_restarted_from_the_menu(app):
    player = Player(app)
    coach = open_from_menu(app, player)
    first_game = app.top
    player.press(pygame.K_ESCAPE)
    assert coach.index == 1
    player.card(coach, "skip")
    assert coach.index == 2
    player.card(coach, "leave")
    assert app.overlay is None and app.top is first_game  # the game goes on without the coach
    app.step(2)
    player.click(next(b for b, key in first_game.bar.buttons.items() if key == "top.menu"))
    assert isinstance(app.top, MenuScreen)
    again = open_from_menu(app, player)
    assert again is not coach and app.top is not first_game and app.top.flow.state.turn == 1


def test_skipping_every_step_does_nothing_in_the_game_and_passes_over_closing_unopened_screens(app):
    player = Player(app)
    coach = open_from_menu(app, player)
    screen, steps = app.top, coach.steps
    while app.overlay is coach:
        player.press(pygame.K_ESCAPE)
    closing = [s for s in steps if s.check == "closed"]
    assert closing and player.actions == 1 + len(steps) - len(
        closing
    )  # the menu's Tutorial, then one Esc a step
    assert screen.flow.state.turn == 1 and screen.flow.orders["KAR"] == [] and app.top is screen


def test_leaving_the_tutorial_game_for_the_menu_takes_the_coach_away(app):
    player = Player(app)
    coach = open_from_menu(app, player)
    player.click(next(b for b, key in app.top.bar.buttons.items() if key == "top.menu"))
    assert isinstance(app.top, MenuScreen) and app.overlay is None and coach.app is app


def test_the_coach_keeps_out_of_the_projector_view(app):
    player = Player(app)
    coach = open_from_menu(app, player)
    player.press(pygame.K_F5)
    assert isinstance(app.top, ProjectorScreen) and app.overlay is coach
    app.step(2)
    with_coach = pygame.image.tobytes(app.surface, "RGB")
    app.overlay = None
    app.step(2)
    assert pygame.image.tobytes(app.surface, "RGB") == with_coach
    app.overlay = coach
    player.press(pygame.K_F5)
    assert isinstance(app.top, GameScreen)
    app.step(2)
    assert coach.rect.w and app.surface.get_at(coach.rect.center) != pygame.Color(0, 0, 0)


def test_the_first_start_suggests_the_tutorial_once(app):
    app.push(MenuScreen(app))
    offer_once(app)
    offer = app.overlay
    assert isinstance(offer, TutorialOffer)
    app.step(2)
    assert offer.target() == next(b.rect for b, e in app.top.buttons.items() if e == "tutorial")
    assert not offer.rect.colliderect(app.top.card_rect())
    driver.move_to(app, (0, 0))
    shoot(app, "tutorial-offer.png")
    driver.click_at(app, card_button(offer, "offer_later").center)
    assert app.overlay is None and isinstance(app.top, MenuScreen)
    assert load_settings(app.settings_file).tutorial_offered
    offer_once(app)
    assert app.overlay is None


def test_the_suggestion_starts_the_tutorial(app):
    app.push(MenuScreen(app))
    offer_once(app)
    app.step(2)
    driver.click_at(app, card_button(app.overlay, "offer_start").center)
    assert isinstance(app.overlay, Coach) and isinstance(app.top, GameScreen)


def test_every_step_has_its_words_in_english_and_russian():
    """Each language's own file has every step, and each step's words name the buttons as the screens do."""
    try:
        for lang in ("en", "ru"):
            text = (TEXT / lang / "tutorial.yaml").read_text(encoding="utf-8")
            own = yaml.safe_load(text)["ui"]["tutorial"]
            set_language(lang)
            for step in load_script().steps:
                assert own["steps"][step.id]["title"] and own["steps"][step.id]["body"], (lang, step.id)
                body = t(f"tutorial.steps.{step.id}.body", **{n: t(k) for n, k in BUTTONS.items()})
                assert "{" not in body, (lang, step.id)
            assert set(own) >= {"next", "skip", "leave", "finish", "do_it", "read_it", "done", "kicker"}
    finally:
        set_language("en")
