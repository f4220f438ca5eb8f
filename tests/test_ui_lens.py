"""The theory lens on the game screen, driven like a player: its button and key, its four views, the map's paint."""
# ruff: noqa: F811  (the fixtures come from test_ui_screens)

from __future__ import annotations

from pathlib import Path

import pygame
from test_ui_screens import app, config, end_turn, play, shoot  # noqa: F401

from game.ui import driver
from game.ui.lens_panel import HOT, OUTSIDE, VIEWER, heat_colour
from game.ui.text import t
from game.ui.theme import territory_colour

EUROPE = Path("maps/europe-1914.yaml")


def pixel(app, screen, province: str) -> tuple[int, int, int]:
    """The colour painted at a province's centre (the pointer kept off the board)."""
    driver.move_to(app, (0, app.size[1] - 1))
    return tuple(app.surface.get_at(screen.map.centre_of(province))[:3])


def near(a: tuple[int, ...], b: tuple[int, ...], within: int = 12) -> bool:
    return all(abs(x - y) <= within for x, y in zip(a, b, strict=True))


def test_the_lens_opens_with_its_button_and_closes_with_l(app):
    screen = play(app)
    assert not screen.lens_choice.open and not screen.map.tint
    driver.click(app, driver.find_button(app, t("lens.open")))
    assert screen.lens_choice.open
    tab = driver.find_button(app, t("lens.power"))  # the tabs are shown only while the lens is open
    assert tab.is_selected
    driver.press(app, pygame.K_l)
    assert not screen.lens_choice.open and not tab.visible
    driver.press(app, pygame.K_l)
    assert screen.lens_choice.open and tab.visible


def test_power_view_shows_every_state_and_the_polarity(app):
    screen = play(app)
    driver.press(app, pygame.K_l)
    lens = screen.lens
    polarity = t(f"lens.polarities.{screen.metrics.polarity}")
    assert lens.lens.shares[0][1] == max(screen.metrics.share)
    tip = lens.tooltip_at(_tip_point(lens, t("lens.polarity_tip")))
    assert tip[-1] == t("lens.polarity_run", polarity=polarity, when=t("lens.polarity_start"))
    assert not screen.map.tint  # the power view leaves the map in the owners' colours
    assert near(pixel(app, screen, "kardos"), territory_colour(screen.colours["KAR"]))
    shoot(app, "lens-power.png")


def paints(screen, nation: str) -> set[tuple[int, int, int]]:
    """The colours the board gives a state's provinces now."""
    return {screen.map.province_colour(p) for p in screen.view.owned(nation)}


def test_threat_view_paints_a_heat_map_from_the_chosen_state(app):
    screen = play(app)
    driver.press(app, pygame.K_l)
    driver.click(app, driver.find_button(app, t("lens.threat")))
    lens = screen.lens
    assert lens.viewer == "KAR"  # the player's own state first
    assert near(pixel(app, screen, "kardos"), VIEWER)
    heat = lens.lens.heat("KAR")
    worst = max(heat, key=heat.get)
    assert paints(screen, worst) == {HOT} and paints(screen, "KAR") == {VIEWER}
    hovered = screen.view.owned(worst)[0]  # a province's tip says how threatening its owner looks, and why
    assert screen.map.province_lines(hovered)[-2:] == lens.threat_lines(lens.lens.threats("KAR")[0])
    mildest = min(heat, key=heat.get)
    assert paints(screen, mildest) == {heat_colour(heat[mildest], heat[worst])} != {HOT}
    rows = [lines[0] for _, lines in lens.tips if "Kardessa" in lines[0] and len(lines) == 2]
    assert len(rows) == len(heat)  # every other state listed, with its four components in the tip
    assert t("panel.threat_tip", **lens.lens.threats("KAR")[0].parts()) in lens.tooltip_at(
        _tip_point(lens, rows[0])
    )
    shoot(app, "lens-threat.png")
    driver.click_at(app, lens.chip_at(worst))  # now through the eyes of the greatest threat
    assert lens.viewer == worst and paints(screen, worst) == {VIEWER}
    theirs = lens.lens.heat(worst)
    assert paints(screen, "KAR") == {heat_colour(theirs["KAR"], max(theirs.values()))}
    click_province = screen.map.centre_of(screen.view.owned("DRA")[0])
    driver.click_at(app, click_province)  # selecting a state on the map makes it the viewer
    assert lens.viewer == "DRA"


def test_on_a_crowded_map_the_viewer_is_chosen_with_arrows(app):
    screen = play(app, EUROPE, human="GBR")
    driver.press(app, pygame.K_l)
    driver.click(app, driver.find_button(app, t("lens.threat")))
    lens, ids = screen.lens, screen.metrics.ids
    following = ids[(ids.index("GBR") + 1) % len(ids)]
    assert [n for _, n in lens.chips] == [ids[ids.index("GBR") - 1], "GBR", following]
    driver.click_at(app, lens.chip_at(following))
    assert lens.viewer == following and paints(screen, following) == {VIEWER}
    shoot(app, "lens-threat-crowded.png")


def test_network_and_cohesion_views_on_a_map_of_alliances(app):
    screen = play(app, EUROPE, human="GBR")
    driver.press(app, pygame.K_l)
    driver.click(app, driver.find_button(app, t("lens.network")))
    network = screen.lens.lens.network()
    assert network.hubs == {"GBR": ["BEL"], "RUS": ["SRB"]} and network.hierarchy > 0
    outside = [n for n in screen.view.nations if n not in network.members]
    assert outside and all(paints(screen, n) == {OUTSIDE} for n in outside)
    assert paints(screen, "GBR") != {OUTSIDE}
    assert t("lens.hierarchy_tip") in screen.lens.tooltip_at(_tip_point(screen.lens, t("lens.hierarchy_tip")))
    shoot(app, "lens-network.png")
    end_turn(app, screen)  # cohesion is computed at the end of a turn
    while app.top is not screen:  # the turn's report and the Assembly's session
        driver.press(app, pygame.K_RETURN)
    driver.click(app, driver.find_button(app, t("lens.cohesion")))
    assert not screen.map.tint
    pacts = screen.lens.lens.cohesion()
    assert {p.name for p in pacts} == {a.name for a in screen.view.agreements.values() if a.kind == "pact"}
    rules = screen.view.rules
    for pact in pacts:
        rebuilt = (
            100
            * pact.values**rules.cohesion_values_weight
            * pact.purpose**rules.cohesion_threat_weight
            * pact.record**rules.cohesion_record_weight
        )
        assert abs(rebuilt - pact.cohesion) < 0.05
    tips = [lines for _, lines in screen.lens.tips]
    assert [t("lens.sources.record"), t("lens.source_tips.record")] in tips
    shoot(app, "lens-cohesion.png")


def _tip_point(lens, text: str) -> tuple[int, int]:
    box = next(box for box, lines in lens.tips if text in lines)
    return box.centerx + lens.rect.x, box.centery + lens.rect.y


def test_the_lens_in_russian_fits_its_text(config):
    from test_ui_russian import too_narrow

    from game.text import FALLBACK
    from game.ui.app import App
    from game.ui.settings import Settings
    from game.ui.text import set_language

    app = App(Settings(sound=False, language="ru"), settings_file=config)
    try:
        screen = play(app, EUROPE, human="GBR")
        driver.press(app, pygame.K_l)
        for view in ("power", "threat", "network", "cohesion"):
            driver.click(app, driver.find_button(app, t(f"lens.{view}")))
            assert screen.lens_choice.view == view and too_narrow(app) == []
            shoot(app, f"ru-lens-{view}.png")
    finally:
        app.close()
        set_language(FALLBACK)
