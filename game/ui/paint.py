"""Drawing helpers for what pygame-gui does not draw: text, parchment cards, stars, dashes, tokens."""

from __future__ import annotations

import functools
import math

import numpy as np
import pygame

from game.ui.theme import PALETTE, Colour, font, readable_text

TOOLTIP_EMS = 26  # a tooltip's lines wrap at this many times the font size


@functools.lru_cache(maxsize=2048)
def text_surface(
    text: str, size: int, colour: Colour, bold: bool = False, serif: bool = False
) -> pygame.Surface:
    return font(size, bold, serif).render(text, True, colour)


def draw_text(
    surface: pygame.Surface,
    text: str,
    pos: tuple[float, float],
    size: int,
    colour: Colour = PALETTE.ink,
    bold: bool = False,
    anchor: str = "topleft",
    serif: bool = False,
) -> pygame.Rect:
    """Draw one line of text anchored at pos (a pygame.Rect anchor name)."""
    image = text_surface(text, size, colour, bold, serif)
    rect = image.get_rect(**{anchor: (round(pos[0]), round(pos[1]))})
    surface.blit(image, rect)
    return rect


def wrap(text: str, size: int, width: int, bold: bool = False) -> list[str]:
    """The text broken into lines no wider than width pixels."""
    f = font(size, bold)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            trial = f"{line} {word}".strip()
            if line and f.size(trial)[0] > width:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    return lines


@functools.lru_cache(maxsize=8)
def paper(width: int, height: int, base: Colour = PALETTE.parchment) -> pygame.Surface:
    """A parchment texture: the base colour with soft grain and darker edges (made at half size, then smoothed up)."""
    w, h = max(1, width // 2), max(1, height // 2)
    rng = np.random.default_rng(3)
    grain = rng.standard_normal((w // 2 + 1, h // 2 + 1), dtype=np.float32).repeat(2, 0).repeat(2, 1)[:w, :h]
    x = np.linspace(-1, 1, w, dtype=np.float32)[:, None]
    y = np.linspace(-1, 1, h, dtype=np.float32)[None, :]
    shade = 1.0 - 0.16 * np.clip(x * x + y * y - 0.55, 0, None) + 0.018 * grain
    pixels = np.empty((w, h, 3), dtype=np.uint8)
    for channel, value in enumerate(base):
        pixels[:, :, channel] = np.clip(shade * value, 0, 255)
    return pygame.transform.smoothscale(pygame.surfarray.make_surface(pixels), (width, height))


@functools.lru_cache(maxsize=16)
def rounded_paper(width: int, height: int, radius: int) -> pygame.Surface:
    """Parchment cut to a rounded rectangle."""
    mask = pygame.Surface((width, height), pygame.SRCALPHA)
    pygame.draw.rect(mask, (255, 255, 255, 255), mask.get_rect(), border_radius=radius)
    out = pygame.Surface((width, height), pygame.SRCALPHA)
    out.blit(paper(width, height), (0, 0))
    out.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    return out


def card(surface: pygame.Surface, rect: pygame.Rect, radius: int = 10, shadow: int = 6) -> None:
    """A parchment card with a soft shadow and an inked double border."""
    image = card_image(rect.width, rect.height, radius, shadow)
    surface.blit(image, (rect.x - shadow, rect.y - shadow))


@functools.lru_cache(maxsize=16)
def card_image(width: int, height: int, radius: int, shadow: int) -> pygame.Surface:
    """A card drawn once: shadow, rounded parchment, border; `shadow` pixels of margin on each side."""
    image = pygame.Surface((width + 2 * shadow, height + 3 * shadow), pygame.SRCALPHA)
    body = pygame.Rect(shadow, shadow, width, height)
    pygame.draw.rect(image, (0, 0, 0, 70), body.move(shadow // 2, shadow), border_radius=radius + shadow // 2)
    image.blit(rounded_paper(width, height, radius), body)
    pygame.draw.rect(image, PALETTE.wood, body, width=2, border_radius=radius)
    pygame.draw.rect(image, PALETTE.gold, body.inflate(-8, -8), width=1, border_radius=max(0, radius - 4))
    return image


def star_points(
    centre: tuple[float, float], outer: float, inner_ratio: float = 0.45
) -> list[tuple[float, float]]:
    cx, cy = centre
    points = []
    for i in range(10):
        r = outer if i % 2 == 0 else outer * inner_ratio
        a = -math.pi / 2 + i * math.pi / 5
        points.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return points


def star(
    surface: pygame.Surface, centre: tuple[float, float], size: float, fill: Colour, edge: Colour
) -> None:
    """A five-pointed star (a capital)."""
    points = star_points(centre, size)
    pygame.draw.polygon(surface, fill, points)
    pygame.draw.aalines(surface, edge, True, points)


def dashed_line(
    surface: pygame.Surface,
    colour: Colour,
    start: tuple[float, float],
    end: tuple[float, float],
    width: int = 1,
    dash: float = 8.0,
    gap: float = 6.0,
) -> None:
    x0, y0 = start
    dx, dy = end[0] - x0, end[1] - y0
    length = math.hypot(dx, dy)
    if length < 1:
        return
    ux, uy = dx / length, dy / length
    pos = 0.0
    while pos < length:
        stop = min(length, pos + dash)
        pygame.draw.line(
            surface, colour, (x0 + ux * pos, y0 + uy * pos), (x0 + ux * stop, y0 + uy * stop), width
        )
        pos = stop + gap


def dotted_circle(
    surface: pygame.Surface,
    colour: Colour,
    centre: tuple[float, float],
    radius: float,
    dot: int = 2,
    step: float = 9.0,
) -> None:
    count = max(8, int(2 * math.pi * radius / step))
    for i in range(count):
        a = 2 * math.pi * i / count
        pygame.draw.circle(
            surface, colour, (centre[0] + radius * math.cos(a), centre[1] + radius * math.sin(a)), dot
        )


def token(
    surface: pygame.Surface, centre: tuple[float, float], radius: int, fill: Colour, label: str
) -> pygame.Rect:
    """A round force piece in its state's colour with its strength on it."""
    cx, cy = round(centre[0]), round(centre[1])
    pygame.draw.circle(surface, PALETTE.wood_dark, (cx + 1, cy + 2), radius)
    pygame.draw.circle(surface, fill, (cx, cy), radius)
    pygame.draw.circle(surface, PALETTE.ink, (cx, cy), radius, 2)
    pygame.draw.circle(surface, PALETTE.parchment_light, (cx, cy), max(1, radius - 3), 1)
    draw_text(
        surface,
        label,
        (cx, cy + 1),
        max(8, int(radius * (1.1 if len(label) < 2 else 0.85))),  # two digits must fit the piece too
        readable_text(fill),
        bold=True,
        anchor="center",
    )
    return pygame.Rect(cx - radius, cy - radius, 2 * radius, 2 * radius)


def centred(width: int, height: int, area: pygame.Rect) -> pygame.Rect:
    """A rectangle of the given size (shrunk to fit) centred in area."""
    rect = pygame.Rect(0, 0, min(width, area.width), min(height, area.height))
    rect.center = area.center
    return rect


@functools.lru_cache(maxsize=1024)
def halo_text(text: str, size: int, colour: Colour, halo: Colour, bold: bool = False) -> pygame.Surface:
    """One line of text with a one-pixel halo around it, rendered once."""
    inner = text_surface(text, size, colour, bold)
    ring = text_surface(text, size, halo, bold)
    out = pygame.Surface((inner.get_width() + 2, inner.get_height() + 2), pygame.SRCALPHA)
    for dx, dy in ((0, 1), (2, 1), (1, 0), (1, 2), (0, 0), (2, 2), (0, 2), (2, 0)):
        out.blit(ring, (dx, dy))
    out.blit(inner, (1, 1))
    return out


def arrow(
    surface: pygame.Surface,
    colour: Colour,
    start: tuple[float, float],
    end: tuple[float, float],
    width: int,
    head: float,
) -> None:
    """A straight arrow from start to end with a filled head."""
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = math.hypot(dx, dy)
    if length < 1:
        return
    ux, uy = dx / length, dy / length
    base = (end[0] - ux * head, end[1] - uy * head)
    pygame.draw.line(surface, colour, start, base, width)
    left = (base[0] - uy * head * 0.6, base[1] + ux * head * 0.6)
    right = (base[0] + uy * head * 0.6, base[1] - ux * head * 0.6)
    pygame.draw.polygon(surface, colour, [end, left, right])


def arc_points(
    start: tuple[float, float], end: tuple[float, float], bend: float
) -> list[tuple[float, float]]:
    """Points along a gentle arc from start to end; `bend` is its height as a share of its length (sign: side)."""
    dx, dy = end[0] - start[0], end[1] - start[1]
    control = ((start[0] + end[0]) / 2 - dy * bend, (start[1] + end[1]) / 2 + dx * bend)
    steps = max(6, int(math.hypot(dx, dy) / 12))
    return [
        (
            (1 - u) ** 2 * start[0] + 2 * (1 - u) * u * control[0] + u**2 * end[0],
            (1 - u) ** 2 * start[1] + 2 * (1 - u) * u * control[1] + u**2 * end[1],
        )
        for u in (i / steps for i in range(steps + 1))
    ]


@functools.lru_cache(maxsize=4)
def compass(radius: int, north: str) -> pygame.Surface:
    """A compass rose in ink and gold, to sit in a corner of the sea; `north` is the letter for north."""
    size = 2 * radius + 4
    image = pygame.Surface((size, size + radius // 2), pygame.SRCALPHA)
    c = (size / 2, size / 2 + radius // 2)
    pygame.draw.circle(image, (*PALETTE.parchment_light, 150), c, radius * 0.62)
    pygame.draw.circle(image, PALETTE.ink, c, radius * 0.62, 1)
    for i in range(8):
        a = -math.pi / 2 + i * math.pi / 4
        reach = radius if i % 2 == 0 else radius * 0.55
        tip = (c[0] + reach * math.cos(a), c[1] + reach * math.sin(a))
        for side, colour in ((-1, PALETTE.ink), (1, PALETTE.gold)):
            b = a + side * math.pi / 4
            flank = (c[0] + reach * 0.22 * math.cos(b), c[1] + reach * 0.22 * math.sin(b))
            pygame.draw.polygon(image, colour, [c, tip, flank])
    draw_text(
        image,
        north,
        (c[0], c[1] - radius - 1),
        max(9, radius // 2),
        PALETTE.ink,
        True,
        "midbottom",
        serif=True,
    )
    return image


def tooltip(surface: pygame.Surface, lines: list[str], pos: tuple[int, int], size: int) -> None:
    """A parchment tooltip box near pos, kept inside the surface; the first line is bold, long lines wrap."""
    limit = size * TOOLTIP_EMS
    images = [
        text_surface(part, size, PALETTE.ink, i == 0)
        for i, line in enumerate(lines)
        for part in wrap(line, size, limit, i == 0)
    ]
    pad = max(4, size // 2)
    width = max(i.get_width() for i in images) + 2 * pad
    height = sum(i.get_height() for i in images) + 2 * pad
    box = pygame.Rect(pos[0] + 16, pos[1] + 18, width, height)
    box.clamp_ip(surface.get_rect())
    if box.collidepoint(pos):
        box.bottom = pos[1] - 6
        box.clamp_ip(surface.get_rect())
    pygame.draw.rect(surface, PALETTE.parchment_light, box, border_radius=4)
    pygame.draw.rect(surface, PALETTE.wood, box, 1, border_radius=4)
    y = box.y + pad
    for image in images:
        surface.blit(image, (box.x + pad, y))
        y += image.get_height()
