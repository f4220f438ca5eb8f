"""Help (F1 from anywhere): the keys, the rules in short and the glossary; it may open at a glossary card."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
import pygame_gui

from game.ui import paint, widgets
from game.ui.help_text import RULES_LINK, card_html, glossary_html, linked_card, rules_html
from game.ui.page import PageScreen
from game.ui.text import entry, t
from game.ui.theme import PALETTE

if TYPE_CHECKING:
    from game.ui.app import App


def shortcuts() -> list[tuple[str, str]]:
    """The keyboard shortcuts: (keys, what they do)."""
    return [(k["keys"], k["does"]) for k in entry("help.shortcuts")]


class HelpScreen(PageScreen):
    """Esc, F1 or Back close it. The left card shows the rules, or a glossary card once one is opened."""

    title_key = "help.title"

    def __init__(self, app: App, card: str | None = None) -> None:
        super().__init__(app)
        self.shown = card  # the id of the glossary card shown, None for the rules

    def reading(self) -> tuple[str, str]:
        """The left card's heading and text: the card shown (with a link back to the rules) or the rules."""
        if self.shown is None:
            return t("help.rules"), rules_html()
        back = f"<a href='{RULES_LINK}'>{widgets.escape(t('help.back_to_rules'))}</a>"
        return t("help.card"), f"{back}<br><br>{card_html(self.shown)}"

    def show(self, card: str | None) -> None:
        """Show a glossary card (or the rules, for None) in the left card."""
        self.shown = card
        heading, html = self.reading()
        self.reading_heading.set_text(heading)
        self.reading_box.set_text(html)

    def build_page(self, area: pygame.Rect) -> None:
        gap = self.px(18)
        left = pygame.Rect(area.x, area.y, area.w * 11 // 20, area.h)
        right = pygame.Rect(left.right + gap, area.y, area.right - left.right - gap, 0)
        right.h = self.px(76) + len(shortcuts()) * self.px(27)
        self.keys = self.card_heading(self.card(right), t("help.keys"))
        words = pygame.Rect(right.x, right.bottom + gap, right.w, area.bottom - right.bottom - gap)
        heading, html = self.reading()
        inner = self.card(left)
        self.reading_heading = widgets.label(
            self.manager, self.root, pygame.Rect(inner.x, inner.y, inner.w, self.px(28)), heading, "@heading"
        )
        body = pygame.Rect(inner.x, inner.y + self.px(34), inner.w, inner.h - self.px(34))
        self.reading_box = widgets.text_box(self.manager, self.root, body, html, "@plain_text")
        body = self.card_heading(self.card(words), t("help.glossary"))
        self.glossary_box = widgets.text_box(self.manager, self.root, body, glossary_html(), "@plain_text")

    def on_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F1:
            self.back()
            return True
        if event.type == pygame_gui.UI_TEXT_BOX_LINK_CLICKED:
            self.app.sound.play("click")
            self.show(linked_card(event.link_target))
            return True
        return False

    def draw_page(self, surface: pygame.Surface) -> None:
        """Each shortcut as a key cap and what it does."""
        x, y = self.keys.x, self.keys.y
        cap_w = self.px(92)
        for keys, does in shortcuts():
            cap = pygame.Rect(x, y, cap_w, self.px(22))
            pygame.draw.rect(surface, PALETTE.wood_dark, cap.move(0, 2), border_radius=self.px(5))
            pygame.draw.rect(surface, PALETTE.parchment_light, cap, border_radius=self.px(5))
            pygame.draw.rect(surface, PALETTE.wood, cap, 1, border_radius=self.px(5))
            paint.draw_text(surface, keys, cap.center, self.px(12), PALETTE.ink, True, "center")
            paint.draw_text(
                surface,
                does,
                (cap.right + self.px(12), cap.centery),
                self.px(13),
                PALETTE.ink,
                anchor="midleft",
            )
            y += self.px(27)
