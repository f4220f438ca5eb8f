#!/usr/bin/env python3
"""How often the states of Europe 1936 end a game on their side in the Second World War.

Plays AI-only games of maps/europe-1936.yaml, every state played by the balance-of-threat AI at
the start (scripted regime changes still turn Austria, Spain and, if Germany grows, Italy), seeds
1..N, and prints, per state and overall, the share of games in which the state ended on its
historical side. A state's side at the end: allied (pact or guarantee) with states of a side, or at
war with states of the other, counts for that side; the side with more such ties wins; ties to
neither (or as many to both) make it neutral; an eliminated state is counted apart.

Usage (from the repository root):

    python maps/scripts/wwii_sides.py --seeds 50 --jobs 2
    python maps/scripts/wwii_sides.py --seeds 50 --report /tmp/wwii   # also report.md with charts

THE SIDES (the table in the map's header; each state's side as of its war, not its start):

  Allies: the states at war with the Axis, or invaded by it and fighting on in exile:
    United Kingdom, France (3 September 1939), Poland (1 September 1939), the Soviet Union
    (from 22 June 1941), Czechoslovakia (government in exile in London), Yugoslavia (April
    1941), Greece (October 1940), Belgium, the Netherlands, Norway (invaded 1940).
  Axis: Germany, Italy (from 10 June 1940 to 1943), Austria (annexed 1938), and the states
    that joined the Tripartite Pact or fought beside Germany: Hungary and Romania (November
    1940), Bulgaria (March 1941), Finland (co-belligerent against the Soviet Union, 1941-44).
  Neutral: Switzerland, Sweden, Spain ("non-belligerent"), Turkey (at war only from February
    1945), Denmark (occupied in a day, its government stayed), and Estonia, Latvia and
    Lithuania (annexed by the Soviet Union in 1940 without a war).

  Sources: I. C. B. Dear and M. R. D. Foot (eds.), The Oxford Companion to World War II
  (Oxford University Press, 2001), the entries on each country; G. L. Weinberg, A World at
  Arms: A Global History of World War II (Cambridge University Press, 2nd ed. 2005), ch. 1-5.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere: the game's packages are at the root

from ai.experiment_report import historical, matched_share, write_report  # noqa: E402
from ai.tournament import Games, run, setups  # noqa: E402

MAP = ROOT / "maps" / "europe-1936.yaml"
PERSONALITY = "balance_of_threat"
SIDES = {
    "GBR": "Allies",
    "FRA": "Allies",
    "GER": "Axis",
    "ITA": "Axis",
    "SOV": "Allies",
    "POL": "Allies",
    "CZE": "Allies",
    "YUG": "Allies",
    "ROU": "Axis",
    "AUT": "Axis",
    "HUN": "Axis",
    "BGR": "Axis",
    "GRC": "Allies",
    "TUR": "neutral",
    "BEL": "Allies",
    "NLD": "Allies",
    "CHE": "neutral",
    "ESP": "neutral",
    "DNK": "neutral",
    "NOR": "Allies",
    "SWE": "neutral",
    "FIN": "Axis",
    "EST": "neutral",
    "LVA": "neutral",
    "LTU": "neutral",
}


def play(seeds: int, jobs: int, difficulty: str | None = None) -> Games:
    """The games: every state balance of threat (at one difficulty, or the map's), seeds 1..seeds."""
    return run(setups([str(MAP)], seeds, [PERSONALITY], [difficulty] if difficulty else None), jobs)


def endings(games: Games) -> int:
    """How many different endings the games had (each state's side, allies and enemies alike)."""
    return len(
        {tuple((x.state, x.alive, x.allies, x.enemies) for x in lines) for lines in games.games().values()}
    )


def table(games: Games, difficulty: str | None = None) -> str:
    """The figure as Markdown: per state, then overall."""
    rows = historical(games, SIDES)
    seeds = len({line.seed for line in games.lines})
    level = f"at {difficulty} difficulty" if difficulty else "at the map's difficulty (normal)"
    lines = [
        f"Europe 1936, {seeds} seeds, every state {PERSONALITY} at the start, {level}; "
        f"distinct endings: {endings(games)}",
        "",
        "| state | WWII side | on it | Allies | Axis | neutral | eliminated |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        counts = " | ".join(str(r.ends[side]) for side in ("Allies", "Axis", "neutral", "eliminated"))
        lines.append(f"| {r.state} | {r.historical} | {r.matched:.0%} | {counts} |")
    for side in ("Allies", "Axis", "neutral"):
        mine = [r for r in rows if r.historical == side]
        lines.append(f"| *{side} states* | {side} | {matched_share(mine):.0%} | | | | |")
    lines += [
        "",
        f"Overall: {matched_share(rows):.1%} of state-games ended on the historical side "
        f"({matched_share(rows, alive_only=True):.1%} of those still on the board).",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=50, help="games, seeds 1..N (default: %(default)s)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes")
    parser.add_argument(
        "--difficulty",
        choices=("easy", "normal", "hard"),
        help="every state at this difficulty (default: the map's, normal); easy's larger errors scatter the endings further",
    )
    parser.add_argument("--report", metavar="DIR", help="also write report.md with charts here")
    args = parser.parse_args(argv)
    games = play(args.seeds, args.jobs, args.difficulty)
    print(table(games, args.difficulty))
    if args.report:
        level = f", {args.difficulty}" if args.difficulty else ""
        title = f"Europe 1936: {args.seeds} seeds, every state {PERSONALITY}{level}"
        print(f"Report written to {write_report(args.report, games, title, SIDES)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
