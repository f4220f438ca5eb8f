"""A tournament's report for a class: report.md with SVG charts (outcomes per personality, how often each
pair of states ended allied, and optionally how often states ended on their historical side)."""

from __future__ import annotations

import os
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from html import escape
from pathlib import Path

from ai.tournament import Games, Line

SIDES_NEUTRAL = "neutral"
ELIMINATED = "eliminated"
FONT = "font-family='DejaVu Sans, Arial, sans-serif'"
INK, PAPER, GRID = "#2b2b2b", "#fbf7ee", "#d9d2c3"
WIN, ALIVE = "#4477AA", "#CCBB44"


@dataclass(frozen=True)
class Outcome:
    """How one personality fared: games played by a state of it, wins and survivals."""

    personality: str
    plays: int
    win_rate: float
    survival: float
    score: float


@dataclass(frozen=True)
class Alignment:
    """How often each pair of a map's states ended a game allied (pact, guarantee or bloc)."""

    map: str
    states: list[str]
    games: int
    share: dict[tuple[str, str], float]  # (a, b) with a before b in `states`
    breaks: tuple[int, ...] = ()  # where a group of states (a historical side) begins, after the first

    def of(self, a: str, b: str) -> float:
        return self.share.get((a, b), self.share.get((b, a), 0.0))


@dataclass(frozen=True)
class SideRow:
    """One state's end against its historical side: how many games ended on each side."""

    state: str
    historical: str
    ends: Counter
    games: int

    @property
    def matched(self) -> float:
        return self.ends[self.historical] / self.games if self.games else 0.0


def outcomes(games: Games) -> list[Outcome]:
    """One row per personality, as the states played it at the end of their games."""
    groups: dict[str, list[Line]] = defaultdict(list)
    for line in games.lines:
        groups[line.personality].append(line)
    return [
        Outcome(
            name,
            len(lines),
            sum(x.won for x in lines) / len(lines),
            sum(x.alive for x in lines) / len(lines),
            statistics.mean(x.score for x in lines),
        )
        for name, lines in sorted(groups.items())
    ]


def partners(line: Line) -> set[str]:
    """The states a state ended its game allied with: by pact, guarantee or bloc."""
    return set(line.allies.split()) | set(line.bloc_partners.split())


def alignments(games: Games, sides: dict[str, str] | None = None) -> list[Alignment]:
    """For each map, the share of its games in which each pair of states ended allied; the states in
    alphabetical order, or grouped by their historical side when sides are given (in their order)."""
    rank = {
        s: (sorted(set(sides.values())).index(side), i) for i, (s, side) in enumerate((sides or {}).items())
    }
    out = []
    for name in sorted({line.map for line in games.lines}):
        played = [lines for key, lines in games.games().items() if key[0] == name]
        states = sorted(
            dict.fromkeys(line.state for lines in played for line in lines),
            key=lambda x: (rank.get(x, (len(rank), 0)), x),
        )
        together: Counter = Counter()
        for lines in played:
            for line in lines:
                together.update((line.state, other) for other in partners(line) if line.state < other)
        order = {s: i for i, s in enumerate(states)}
        share = {
            tuple(sorted(pair, key=order.__getitem__)): count / len(played)
            for pair, count in together.items()
        }
        breaks = tuple(
            i for i in range(1, len(states)) if sides and sides.get(states[i]) != sides.get(states[i - 1])
        )
        out.append(Alignment(name, states, len(played), share, breaks))
    return out


def side_at_end(line: Line, sides: dict[str, str]) -> str:
    """A state's side when its game ended: allied (pact or guarantee) with states of a side, or at war with
    states of another, counts for that side; the side with more such ties wins; neither or a tie: neutral."""
    if not line.alive:
        return ELIMINATED
    camps = sorted({s for s in sides.values() if s != SIDES_NEUTRAL})
    ties: Counter = Counter()
    for ally in line.allies.split():
        if sides.get(ally) in camps:
            ties[sides[ally]] += 1
    for enemy in line.enemies.split():
        for camp in camps:
            if sides.get(enemy) not in (None, SIDES_NEUTRAL, camp):
                ties[camp] += 1
    ranked = ties.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return SIDES_NEUTRAL
    return ranked[0][0]


def historical(games: Games, sides: dict[str, str]) -> list[SideRow]:
    """Each state with a historical side: how its games ended, side by side."""
    ends: dict[str, Counter] = defaultdict(Counter)
    for line in games.lines:
        if line.state in sides:
            ends[line.state][side_at_end(line, sides)] += 1
    return [SideRow(s, sides[s], ends[s], sum(ends[s].values())) for s in sides if s in ends]


def matched_share(rows: list[SideRow], alive_only: bool = False) -> float:
    """The share of state-games that ended on the historical side (of those alive at the end, if asked)."""
    total = sum(r.games - (r.ends[ELIMINATED] if alive_only else 0) for r in rows)
    return sum(r.ends[r.historical] for r in rows) / total if total else 0.0


def write_report(
    folder: str | os.PathLike[str], games: Games, title: str, sides: dict[str, str] | None = None
) -> Path:
    """Write report.md and its SVG charts into folder (made if needed); returns the report's path."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    rows = outcomes(games)
    _write(out / "outcomes.svg", bars_svg(rows))
    text = [
        f"# {title}",
        "",
        f"{len(games.games())} AI-only games, {len(games.lines)} state-games, "
        f"maps: {', '.join(sorted({x.map for x in games.lines}))}.",
        "",
        "## Outcomes per personality",
        "",
        "How often a state played by each personality won its game (the highest score, or a hegemony) "
        "and how often it was still on the board at the end (a state counts under the personality it "
        "had at the end: a scripted regime change may have changed it). Each game has one winner, so "
        "with many states on a map win rates are small: compare them with one another, not with 100%.",
        "",
        "![Win rate and survival per personality](outcomes.svg)",
        "",
        "| personality | plays | win rate | survival | mean score |",
        "|---|---:|---:|---:|---:|",
        *[
            f"| {r.personality} | {r.plays} | {r.win_rate:.0%} | {r.survival:.0%} | {r.score:.1f} |"
            for r in rows
        ],
        "",
    ]
    for align in alignments(games, sides):
        chart = f"alignment-{Path(align.map).stem}.svg"
        _write(out / chart, heatmap_svg(align))
        text += [
            f"## Who ended allied: {align.map}",
            "",
            f"Each cell is the share of the {align.games} games in which the two states ended allied by a "
            "defense pact, a security guarantee or a bloc: dark cells are alignments the AIs make again "
            "and again, pale ones happen by chance or never."
            + (
                " The states are grouped by their historical side, the groups parted by lines."
                if sides
                else ""
            ),
            "",
            f"![How often each pair of states ended allied on {align.map}]({chart})",
            "",
            *_top_pairs(align),
            "",
        ]
    if sides:
        text += _sides_section(historical(games, sides))
    path = out / "report.md"
    _write(path, "\n".join(text))
    return path


def _top_pairs(align: Alignment, count: int = 10) -> list[str]:
    """The pairs most often allied, as a Markdown table."""
    pairs = sorted(align.share.items(), key=lambda kv: (-kv[1], kv[0]))[:count]
    if not pairs:
        return ["No two states ended a game allied."]
    return [
        "| pair | ended allied |",
        "|---|---:|",
        *[f"| {a} – {b} | {share:.0%} |" for (a, b), share in pairs],
    ]


def _sides_section(rows: list[SideRow]) -> list[str]:
    """The historical-sides table: per state, then overall."""
    camps = sorted({r.historical for r in rows} - {SIDES_NEUTRAL}) + [SIDES_NEUTRAL, ELIMINATED]
    return [
        "## Historical sides",
        "",
        "Each state's side when the game ended, against its side in history. A state counts for a side "
        "when it is allied (pact or guarantee) with states of that side or at war with states of the "
        "other; with ties to neither (or as many to both) it is neutral. The columns count games.",
        "",
        f"| state | historical side | on it | {' | '.join(camps)} |",
        "|---|---|---:|" + "---:|" * len(camps),
        *[
            f"| {r.state} | {r.historical} | {r.matched:.0%} | "
            + " | ".join(str(r.ends[c]) for c in camps)
            + " |"
            for r in rows
        ],
        "",
        f"Overall {matched_share(rows):.0%} of state-games ended on the historical side "
        f"({matched_share(rows, alive_only=True):.0%} of those where the state was still on the board).",
        "",
    ]


def _write(path: Path, text: str) -> None:
    """Write text atomically."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    os.replace(tmp, path)


def _svg(width: int, height: int, body: list[str]) -> str:
    return "\n".join(
        [
            f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' "
            f"viewBox='0 0 {width} {height}' {FONT} font-size='13'>",
            f"<rect width='{width}' height='{height}' fill='{PAPER}'/>",
            *body,
            "</svg>",
        ]
    )


def _text(x: float, y: float, words: str, anchor: str = "start", extra: str = "") -> str:
    return f"<text x='{x:.1f}' y='{y:.1f}' text-anchor='{anchor}' fill='{INK}' {extra}>{escape(words)}</text>"


def bars_svg(rows: list[Outcome]) -> str:
    """Two bars per personality: win rate and survival, 0 to 100%."""
    left, bar_w, row_h, top = 150, 420, 44, 40
    width, height = left + bar_w + 70, top + row_h * len(rows) + 30
    body = [
        _text(left, 22, "win rate", extra="font-weight='bold'"),
        f"<rect x='{left + 70}' y='12' width='12' height='12' fill='{ALIVE}'/>",
        _text(left + 88, 22, "survival", extra="font-weight='bold'"),
        f"<rect x='{left - 16}' y='12' width='12' height='12' fill='{WIN}'/>",
    ]
    for tick in range(0, 101, 25):
        x = left + bar_w * tick / 100
        body.append(f"<line x1='{x}' y1='{top - 4}' x2='{x}' y2='{height - 26}' stroke='{GRID}'/>")
        body.append(_text(x, height - 10, f"{tick}%", "middle", "font-size='11'"))
    for i, r in enumerate(rows):
        y = top + i * row_h
        body.append(_text(left - 8, y + 22, r.personality, "end"))
        for j, (value, colour) in enumerate(((r.win_rate, WIN), (r.survival, ALIVE))):
            w = bar_w * value
            body.append(
                f"<rect x='{left}' y='{y + 4 + j * 17}' width='{w:.1f}' height='15' fill='{colour}'/>"
            )
            body.append(_text(left + w + 4, y + 16 + j * 17, f"{value:.0%}", extra="font-size='11'"))
    return _svg(width, height, body)


def heatmap_svg(align: Alignment) -> str:
    """A states × states grid; each cell shaded by the share of games the pair ended allied."""
    n, cell, left, top = len(align.states), 30, 70, 70
    size = left + cell * n + 20
    body = [_text(8, 18, f"% of {align.games} games", extra="font-size='11'")]
    for i, s in enumerate(align.states):
        x = left + i * cell + cell / 2
        body.append(_text(left - 6, top + i * cell + cell / 2 + 4, s, "end", "font-size='11'"))
        body.append(
            _text(x, top - 8, s, "start", f"font-size='11' transform='rotate(-60 {x:.1f} {top - 8})'")
        )
        for j, other in enumerate(align.states):
            share = 0.0 if i == j else align.of(s, other)
            shade = _shade(share) if i != j else GRID
            x0, y0 = left + j * cell, top + i * cell
            body.append(
                f"<rect x='{x0}' y='{y0}' width='{cell}' height='{cell}' fill='{shade}' stroke='{PAPER}'>"
                f"<title>{escape(s)} – {escape(other)}: {share:.0%}</title></rect>"
            )
            if i != j and share >= 0.05:
                colour = PAPER if share > 0.5 else INK
                body.append(
                    f"<text x='{x0 + cell / 2}' y='{y0 + cell / 2 + 4}' text-anchor='middle' "
                    f"font-size='10' fill='{colour}'>{round(share * 100)}</text>"
                )
    for k in align.breaks:  # lines between the groups
        at = left + k * cell
        body.append(
            f"<line x1='{at}' y1='{top}' x2='{at}' y2='{top + n * cell}' stroke='{INK}' stroke-width='2'/>"
        )
        body.append(f"<line x1='{left}' y1='{at - left + top}' x2='{left + n * cell}' y2='{at - left + top}' "
                    f"stroke='{INK}' stroke-width='2'/>")  # fmt: skip
    return _svg(size, size, body)


def _shade(share: float) -> str:
    """Paper at 0, deep blue at 1."""
    low, high = (0xFB, 0xF7, 0xEE), (0x1F, 0x3B, 0x73)
    return "#" + "".join(f"{round(a + (b - a) * share):02x}" for a, b in zip(low, high, strict=True))
