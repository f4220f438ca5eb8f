"""The game's look: one board-game palette, the bundled fonts, state colours and the pygame-gui theme."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

import pygame

ASSETS = Path(__file__).resolve().parents[2] / "assets"
FONTS = ASSETS / "fonts"
THEME_FILE = ASSETS / "theme.json"

Colour = tuple[int, int, int]

FAMILIES = {
    "game_sans": {
        "regular_path": "DejaVuSans.ttf",
        "bold_path": "DejaVuSans-Bold.ttf",
        "italic_path": "DejaVuSans-Oblique.ttf",
        "bold_italic_path": "DejaVuSans-BoldOblique.ttf",
    },
    "game_serif": {
        "regular_path": "DejaVuSerif.ttf",
        "bold_path": "DejaVuSerif-Bold.ttf",
        "italic_path": "DejaVuSerif.ttf",
        "bold_italic_path": "DejaVuSerif-Bold.ttf",
    },
}


def hex_colour(text: str) -> Colour:
    text = text.lstrip("#")
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


def mix(a: Colour, b: Colour, share_of_b: float) -> Colour:
    """The colour between a and b, `share_of_b` of the way to b."""
    return tuple(round(x + (y - x) * share_of_b) for x, y in zip(a, b, strict=True))  # type: ignore[return-value]


@dataclass(frozen=True)
class Palette:
    """The colours every screen draws with: parchment and ink on a wooden board, a sea, accents."""

    parchment: Colour = (242, 230, 204)
    parchment_light: Colour = (250, 243, 226)
    parchment_dark: Colour = (222, 204, 168)
    ink: Colour = (46, 36, 24)
    ink_soft: Colour = (104, 86, 66)
    wood: Colour = (91, 64, 48)
    wood_dark: Colour = (60, 41, 30)
    sea: Colour = (158, 194, 206)
    sea_deep: Colour = (126, 168, 186)
    coast: Colour = (70, 90, 96)
    border: Colour = (62, 46, 32)
    province_line: Colour = (120, 100, 80)
    gold: Colour = (201, 162, 74)
    wine: Colour = (122, 62, 43)
    war: Colour = (176, 48, 36)
    peace: Colour = (62, 124, 74)
    highlight: Colour = (255, 246, 200)
    select: Colour = (255, 214, 92)


PALETTE = Palette()

# Okabe-Ito, then Paul Tol's muted and light sets: distinguishable with the common colour-vision deficiencies.
SAFE_STATE_COLOURS = (
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999",
    "#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99", "#999933",
    "#AA4499", "#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#BBCC33", "#AAAA00",
)  # fmt: skip


def state_colours(declared: dict[str, str], colour_blind: bool) -> dict[str, Colour]:
    """Each state's colour: the map's own, or the colour-blind-safe palette in map order."""
    if not colour_blind:
        return {n: hex_colour(c) for n, c in declared.items()}
    return {n: hex_colour(SAFE_STATE_COLOURS[i % len(SAFE_STATE_COLOURS)]) for i, n in enumerate(declared)}


def territory_colour(owner: Colour) -> Colour:
    """A state's colour as its land is painted: softened toward parchment, like ink on paper."""
    return mix(owner, PALETTE.parchment, 0.28)


def readable_text(background: Colour) -> Colour:
    """Ink or parchment, whichever reads better on `background`."""
    r, g, b = background
    return PALETTE.ink if 0.299 * r + 0.587 * g + 0.114 * b > 140 else PALETTE.parchment_light


def gui_theme(scale: float = 1.0) -> dict:
    """The pygame-gui theme of assets/theme.json with the bundled fonts and font sizes times `scale`."""
    theme = json.loads(THEME_FILE.read_text(encoding="utf-8"))
    for block in theme.values():
        font = block.get("font") if isinstance(block, dict) else None
        if font:
            font["size"] = str(max(8, round(int(font["size"]) * scale)))
            font.update({k: str(FONTS / v) for k, v in FAMILIES[font["name"]].items()})
    return theme


def styled_fonts(scale: float = 1.0) -> list[dict]:
    """The bold and italic fonts the text boxes' HTML uses, for the manager to preload."""
    size = max(8, round(13 * scale))
    return [{"name": "game_sans", "point_size": size, "style": s} for s in ("bold", "italic", "bold_italic")]


@functools.cache
def font(size: int, bold: bool = False, serif: bool = False) -> pygame.font.Font:
    """A bundled font (Latin and Cyrillic) for text drawn outside pygame-gui."""
    family = FAMILIES["game_serif" if serif else "game_sans"]
    return pygame.font.Font(FONTS / family["bold_path" if bold else "regular_path"], max(6, size))
