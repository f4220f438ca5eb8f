"""Territories from province centres: radii, and the label raster of a map at one scale (numpy, no pygame)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.engine.state import GameState

LAND_REACH = 0.62  # a province reaches this share of the way to its farthest land neighbour
SEA_REACH = 0.42  # and at most this share of the way to a sea neighbour, so water shows between them
ISLAND_REACH = 0.45  # a province without land neighbours: this share of the way to the nearest centre
SIZE_CAP = 1.1  # and at most this many times the map's median distance between neighbouring centres
WOBBLE = ((2.1, 0.06), (4.3, 0.035), (9.7, 0.02))  # coast waves: (waves per centre spacing, relative height)
MARGIN = 0.08  # the board extends this share of its size beyond the outermost territory

NO_OWNER = 65535  # the owner number of water and lines
SHALLOW_PIXELS = 6  # the band of lighter water along the coasts
SHADOW_PIXELS = 4  # how far the land's shadow falls on the sea, down and to the right


@dataclass
class Board:
    """The fixed geometry of a map in map units: centres, territory radii, links and the board's extent.

    Pixels hold a province's index (0 .. n-1) or one of six codes after them: shadow, water, shallows,
    coast, province line, state line. Up to 250 provinces they fit in a byte (an 8-bit palette surface).
    """

    ids: list[str]
    pos: np.ndarray  # n x 2
    radius: np.ndarray  # n
    land: list[tuple[int, int]]
    sea: list[tuple[int, int]]
    origin: tuple[float, float]
    size: tuple[float, float]
    spacing: float  # the median distance from a centre to the nearest other one

    def index(self, province: str) -> int:
        return self.ids.index(province)

    @property
    def n(self) -> int:
        return len(self.ids)

    @property
    def shadow(self) -> int:
        return self.n

    @property
    def water(self) -> int:
        return self.n + 1

    @property
    def shallow(self) -> int:
        return self.n + 2

    @property
    def coast(self) -> int:
        return self.n + 3

    @property
    def province_line(self) -> int:
        return self.n + 4

    @property
    def state_line(self) -> int:
        return self.n + 5

    @property
    def codes(self) -> int:
        """How many pixel values there are."""
        return self.n + 6

    @property
    def dtype(self) -> type:
        return np.uint8 if self.codes <= 256 else np.uint16


def board_of(state: GameState) -> Board:
    """The board of a game's map (the same for every turn of it)."""
    ids = list(state.provinces)
    at = {p: i for i, p in enumerate(ids)}
    pos = np.array([state.provinces[p].pos for p in ids], dtype=float)
    dist = np.hypot(*(pos[:, None, :] - pos[None, :, :]).transpose(2, 0, 1))
    np.fill_diagonal(dist, np.inf)
    land, sea = set(), set()
    for p, prov in state.provinces.items():
        for q in prov.neighbours:
            pair = tuple(sorted((at[p], at[q])))
            (sea if q in prov.sea else land).add(pair)
    spacing = float(np.median(dist.min(1)))
    radius = ISLAND_REACH * dist.min(1)
    farthest = np.zeros(len(ids))
    for a, b in land:
        farthest[a] = max(farthest[a], dist[a, b])
        farthest[b] = max(farthest[b], dist[a, b])
    linked = farthest > 0
    radius[linked] = np.minimum(SIZE_CAP * spacing, LAND_REACH * farthest[linked])
    for a, b in sea:
        radius[a] = min(radius[a], SEA_REACH * dist[a, b])
        radius[b] = min(radius[b], SEA_REACH * dist[a, b])
    low = (pos - radius[:, None]).min(0)
    high = (pos + radius[:, None]).max(0)
    pad = (high - low) * MARGIN
    return Board(
        ids, pos, radius, sorted(land), sorted(sea), tuple(low - pad), tuple(high - low + 2 * pad), spacing
    )


def labels(board: Board, scale: float) -> np.ndarray:
    """The province index of every pixel of the board at `scale` pixels per map unit (else shallows or water).

    A pixel belongs to the nearest centre among those whose radius reaches it: each centre is
    visited once over its own square, so the cost is the territories' area, not pixels x centres.
    The radius follows a smooth field over the board, so coasts wave as if drawn by hand.
    """
    width = max(1, int(np.ceil(board.size[0] * scale)))
    height = max(1, int(np.ceil(board.size[1] * scale)))
    xs = (np.arange(width, dtype=np.float32) + 0.5) / scale + board.origin[0]
    ys = (np.arange(height, dtype=np.float32) + 0.5) / scale + board.origin[1]
    best = np.full((height, width), np.inf, dtype=np.float32)
    label = np.full((height, width), board.water, dtype=board.dtype)
    band = SHALLOW_PIXELS / scale
    swing = 1 + sum(h for _, h in WOBBLE)
    wobble = _wobble(xs, ys, board.spacing)
    for i, ((cx, cy), r) in enumerate(zip(board.pos.tolist(), board.radius.tolist(), strict=True)):
        top = r * swing + band
        x0, x1 = np.searchsorted(xs, [cx - top, cx + top])
        y0, y1 = np.searchsorted(ys, [cy - top, cy + top])
        if x0 >= x1 or y0 >= y1:
            continue
        d = (ys[y0:y1, None] - cy) ** 2 + (xs[None, x0:x1] - cx) ** 2
        reach = wobble[y0:y1, x0:x1] * r
        window, here = best[y0:y1, x0:x1], label[y0:y1, x0:x1]
        here[(d <= (reach + band) ** 2) & (here >= board.n)] = board.shallow
        wins = (d < window) & (d <= reach * reach)
        window[wins] = d[wins]
        here[wins] = i
    return label


def _wobble(xs: np.ndarray, ys: np.ndarray, spacing: float) -> np.ndarray:
    """A smooth field near 1 over the board, in map units: coasts follow it so they look drawn by hand."""
    field = np.ones((len(ys), len(xs)), dtype=np.float32)
    for k, (waves, height) in enumerate(WOBBLE):
        f = waves / spacing
        field += height * np.outer(np.sin(ys * f * 1.3 + k), np.sin(xs * f + 2 * k)).astype(np.float32)
    return field


def _changes(grid: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Masks of pixels whose right or lower neighbour differs."""
    right = np.zeros(grid.shape, bool)
    down = np.zeros(grid.shape, bool)
    right[:, :-1] = grid[:, 1:] != grid[:, :-1]
    down[:-1, :] = grid[1:, :] != grid[:-1, :]
    return right, down


def base_pixels(board: Board, label: np.ndarray) -> np.ndarray:
    """Pixel values of the map without state borders: provinces, province lines, coast and the sea."""
    land = label < board.n
    grid = np.where(land, label, board.water)
    right, down = _changes(grid)
    edge = right | down
    edge[:, 1:] |= right[:, :-1]
    edge[1:, :] |= down[:-1, :]
    edge &= land
    coast = edge & _touches(~land)
    out = label.copy()
    k = SHADOW_PIXELS
    shadow = np.zeros(land.shape, bool)
    shadow[k:, k:] = land[:-k, :-k]
    out[shadow & ~land] = board.shadow
    out[edge] = board.province_line
    out[coast] = board.coast
    return out


def _touches(mask: np.ndarray) -> np.ndarray:
    """Pixels with a 4-neighbour in mask."""
    out = np.zeros(mask.shape, bool)
    out[1:, :] |= mask[:-1, :]
    out[:-1, :] |= mask[1:, :]
    out[:, 1:] |= mask[:, :-1]
    out[:, :-1] |= mask[:, 1:]
    return out


def owner_numbers(board: Board, owners: list[int]) -> np.ndarray:
    """A lookup from pixel value to the number of its province's owner (NO_OWNER for water and lines)."""
    table = np.full(board.codes, NO_OWNER, dtype=np.uint16)
    table[: board.n] = owners
    return table


def with_state_lines(board: Board, label: np.ndarray, base: np.ndarray, owner_of: np.ndarray) -> np.ndarray:
    """The base pixels with two-pixel lines where neighbouring land has different owners (owner_numbers)."""
    owners = owner_of[label]
    right, down = _changes(owners)
    line = right | down
    line[:, 1:] |= right[:, :-1]
    line[1:, :] |= down[:-1, :]
    line &= (label < board.n) & (base != board.coast)
    line &= ~_touches(owners == NO_OWNER)
    out = base.copy()
    out[line] = board.state_line
    return out
