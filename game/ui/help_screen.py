"""Help (F1 from anywhere): the keys, the rules in short and the glossary of the game's concepts."""

from __future__ import annotations

import pygame

from game.ui import paint, widgets
from game.ui.help_text import glossary, rules_html
from game.ui.page import PageScreen
from game.ui.text import entry, t
from game.ui.theme import PALETTE


def glossary_html() -> str:
    rows = sorted({g["term"]: g for g in glossary().values()}.values(), key=lambda g: g["term"].lower())
    return "<br>".join(f"<b>{widgets.escape(g['term'])}</b>: {widgets.escape(g['short'])}" for g in rows)


def shortcuts() -> list[tuple[str, str]]:
    """The keyboard shortcuts: (keys, what they do)."""
    return [(k["keys"], k["does"]) for k in entry("help.shortcuts")]


class HelpScreen(PageScreen):
    """Esc, F1 or Back close it."""

    title_key = "help.title"

    def build_page(self, area: pygame.Rect) -> None:
        gap = self.px(18)
        left = pygame.Rect(area.x, area.y, area.w * 11 // 20, area.h)
        right = pygame.Rect(left.right + gap, area.y, area.right - left.right - gap, 0)
        right.h = self.px(76) + len(shortcuts()) * self.px(27)
        self.keys = self.card_heading(self.card(right), t("help.keys"))
        words = pygame.Rect(right.x, right.bottom + gap, right.w, area.bottom - right.bottom - gap)
        for rect, key, html in (
            (left, "help.rules", rules_html()),
            (words, "help.glossary", glossary_html()),
        ):
            body = self.card_heading(self.card(rect), t(key))
            widgets.text_box(self.manager, self.root, body, html, "@plain_text")

    def on_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F1:
            self.back()
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
