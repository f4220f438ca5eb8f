"""The orders the game screen adds: an operation (and asking partners into it), expelling a pact member,
funding a bloc's institution, a new mission for a pact; each says what it commits to, or why not now."""

from __future__ import annotations

from conftest import shoot
from test_ui_game import click_province, game_screen, resolve

from game.engine.orders import AdoptMission, Expel, FundInstitution, Launch, Propose
from game.engine.state import BLOC, Agreement
from game.ui import driver
from game.ui.dialogs import DiplomacyDialog, OperationDialog, WarDialog
from game.ui.game_screen import GameScreen
from game.ui.text import t


def diplomacy_with(app, screen: GameScreen, province: str) -> DiplomacyDialog:
    click_province(app, screen, province)
    driver.click(app, screen.diplomacy_button)
    assert isinstance(screen.dialog, DiplomacyDialog)
    return screen.dialog


def choose(app, dialog: DiplomacyDialog, label: str) -> None:
    """Click the listed choice whose label (marked or not) is `label`."""
    item = next(
        i for i in dialog.list.item_list if i["text"] in (label, t("orders.not_now_item", label=label))
    )
    driver.click(app, item["button_element"])


def events_of(screen: GameScreen, kind: str) -> list:
    return [line for line in screen.flow.log if line.type == kind]


def test_expelling_a_member_needs_a_refusal_first_and_then_reaches_the_turn(app):
    screen = game_screen(app)
    dialog = diplomacy_with(app, screen, "drava")
    label = t("orders.expel", target="Dravia", name="River Pact")
    choose(app, dialog, label)
    assert t("orders.means_expel", target="Dravia", name="River Pact") in dialog.meaning.html_text
    assert "Dravia has not refused a call to arms of River Pact" in dialog.meaning.html_text
    assert not dialog.confirm_button.is_enabled
    shoot(app, "orders_expel_not_now.png")
    driver.click(app, dialog.confirm_button)
    assert screen.flow.orders["KAR"] == []
    screen.flow.state.agreements["river_pact"].refusers.append("DRA")  # Dravia refused a call to arms
    dialog.refresh()
    choose(app, dialog, label)
    assert dialog.confirm_button.is_enabled
    driver.click(app, dialog.confirm_button)
    assert screen.flow.orders["KAR"] == [Expel("KAR", "river_pact", "DRA")]
    assert t("orders.expel_order", target="Dravia", name="River Pact") in screen.orders_box.html_text
    screen.dialog.close()
    driver.click(app, screen.end_button)
    resolve(app, screen)
    assert [line.actors for line in events_of(screen, "member_left")] == [["DRA"]]
    assert (
        "river_pact" not in screen.flow.state.agreements
        or "DRA" not in screen.flow.state.agreements["river_pact"].members
    )


def test_a_pact_leader_adopts_a_new_mission(app):
    screen = game_screen(app)
    dialog = diplomacy_with(app, screen, "drava")
    cost = screen.view.rules.mission_cost
    choose(app, dialog, t("orders.mission", name="River Pact", cost=cost))
    assert "crisis-management" in dialog.meaning.html_text and dialog.confirm_button.is_enabled
    driver.click(app, dialog.confirm_button)
    assert screen.flow.orders["KAR"] == [AdoptMission("KAR", "river_pact")]
    screen.dialog.close()
    treasury = screen.flow.state.nations["KAR"].treasury
    driver.click(app, screen.end_button)
    resolve(app, screen)
    assert len(events_of(screen, "new_mission")) == 1
    assert screen.flow.state.nations["KAR"].treasury < treasury + screen.view.rules.mission_cost


def test_funding_a_blocs_institution_says_what_it_buys(app):
    screen = game_screen(app)
    state = screen.flow.state
    state.agreements["test_bloc"] = Agreement("test_bloc", BLOC, "Island Bloc", ["KAR", "ISL"], leader="KAR")
    screen.refresh_view()
    dialog = diplomacy_with(app, screen, "drava")
    amount = round(state.nations["KAR"].treasury)
    choose(app, dialog, t("orders.fund", amount=amount, name="Island Bloc"))
    assert "alternative institution" in dialog.meaning.html_text
    shoot(app, "orders_fund.png")
    driver.click(app, dialog.confirm_button)
    assert screen.flow.orders["KAR"] == [FundInstitution("KAR", "test_bloc", float(amount))]
    screen.dialog.close()
    driver.click(app, screen.end_button)
    resolve(app, screen)
    assert screen.flow.state.agreements["test_bloc"].institution_funds == amount
    assert len(events_of(screen, "institution_funded")) == 1


def test_an_operation_instead_of_a_war_asks_partners_and_is_launched(app):
    screen = game_screen(app)
    click_province(app, screen, "varon")
    driver.click(app, screen.war_button)
    assert isinstance(screen.dialog, WarDialog)
    shoot(app, "orders_war_or_operation.png")
    driver.click(app, screen.dialog.instead_button)
    dialog = screen.dialog
    assert isinstance(dialog, OperationDialog) and dialog.target == "VAR"
    cost = t("operation.cost", cost=screen.view.rules.operation_legitimacy_cost)
    assert cost in dialog.meaning.html_text and dialog.confirm_button.is_enabled
    ostmark = next(i for i in dialog.asked.item_list if i["text"] == "Ostmark")
    driver.click(app, ostmark["button_element"])
    shoot(app, "orders_operation.png")
    strength = dialog.order().strength
    driver.click(app, dialog.confirm_button)
    assert screen.flow.orders["KAR"] == [Launch("KAR", "VAR", strength, ["OST"])]
    assert "Ostmark" in screen.orders_box.html_text
    driver.click(app, screen.end_button)
    resolve(app, screen)
    launched = events_of(screen, "operation_launched")
    assert len(launched) == 1 and launched[0].actors == ["KAR", "VAR"]
    assert any(p.kind == "join_operation" and p.recipient == "OST" for p in screen.flow.state.proposals)
    # the next turn the leader may ask another state into its running operation
    dialog = diplomacy_with(app, screen, "port_serena")
    choose(app, dialog, t("orders.ask_join", target="Isla", against="Varonia"))
    driver.click(app, dialog.confirm_button)
    asked = [o for o in screen.flow.orders["KAR"] if isinstance(o, Propose)]
    assert [(o.kind, o.to) for o in asked] == [("join_operation", "ISL")]


def test_an_operation_against_a_partner_shows_the_engines_reason(app):
    screen = game_screen(app)
    click_province(app, screen, "drava")
    driver.click(app, screen.war_button)
    driver.click(app, screen.dialog.instead_button)
    dialog = screen.dialog
    assert "you are bound to Dravia by a pact or guarantee" in dialog.reason.html_text
    assert not dialog.confirm_button.is_enabled
    driver.click(app, dialog.confirm_button)
    assert screen.flow.orders["KAR"] == []
