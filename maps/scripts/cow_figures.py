#!/usr/bin/env python3
"""Turn Correlates of War capability figures into Balancing Act map numbers.

Rerunnable and dependency-free (plain Python 3 + the csv module). It reads the
CoW National Material Capabilities v6.0 file in the shared data folder and
prints, for one or more years and a list of states, the numbers a map needs:

    production  the state's total province production (split it over its provinces)
    development the state's development level
    income      production x development = what the state earns per turn (before upkeep)
    forces      the state's total starting force strength (split it over its provinces)
    upkeep      forces x the upkeep rule (0.25 per point per turn, game/data/rules.yaml)

Usage (from the repository root):

    python maps/scripts/cow_figures.py --year 1913 --year 1914 UKG FRN GMY 300 RUS
    python maps/scripts/cow_figures.py --data /path/to/shared/data --year 2016 --military mixed USA CHN

States are COW codes: the letters (`stateabb`, e.g. GMY) or the number (`ccode`, e.g. 255).

THE CONVERSION (all constants are options; the defaults are the ones the shipped maps use
unless their header comment shows otherwise)

  Figures of several years: every figure is the mean over the years where it is known,
  except military personnel and spending, which take the smallest known value: the
  least-mobilized year stands for the peacetime establishment (1913 catches the Balkan
  Wars' mobilization, 1914 the Great War's).

  production  = P x sqrt(total population in millions)                  P = --production-scale
                People are the base of an economy; the square root keeps a giant from
                dwarfing everyone (Russia 1914 has 40x Serbia's people, 7x its production).
  development = (T / T_world) ^ D, clamped to 0.5 .. 2.5, rounded to 0.05   D = --development-power
                T = (iron and steel + primary energy) per head, in tons (irst + pec are both
                thousand tons, tpop thousand people); T_world is the same ratio for all the
                states of that year in the file. Development 1.0 = the world's average
                industrialisation of the time.
                D says how much output per head follows tonnage per head. Before 1914 most
                output was farming that burned no coal: output per head varied far less than
                tonnage per head, and D = 0.25 (the default) ranks the 1913 economies roughly
                as GDP estimates do (Germany, Russia, Britain close together; then France,
                Austria-Hungary; Italy behind). Today energy use tracks output more closely:
                D = 0.5 makes income grow with sqrt(total tonnage), the same square root the
                population gets, and ranks 2016 roughly as purchasing-power GDP does
                (China, then the United States, then India, Japan, Germany, Russia).
  income      = production x development   (the game's rule: sum of provinces x development)
  military capacity C:
                --military milper (default): C = military personnel, thousands.
                --military mixed: C = sqrt(personnel in thousands x spending in billions USD),
                the geometric mean of CoW's two military components, so that an army's
                equipment counts as well as its size (2016: China has 1.7x the soldiers
                of the United States, the United States 4x the spending). Pre-1914 spending
                is in pounds and the 1914 column mixes in war budgets: use milper there.
                A state with unknown spending is estimated at the lowest spending per
                soldier among the other listed states (a conservative floor) and flagged.
  forces      = F x C ^ 0.75, rounded, at least 1                       F = --forces-scale
                The 0.75 power keeps great armies great but lets a small state field a piece.
                Capped so that upkeep is at most --max-upkeep-share (default 0.5) of income,
                a game constraint rather than data: a state that starts by paying most of its
                income for its army cannot play (North Korea is the one case; flagged).
  treasury    = a suggestion: one turn's income, rounded (a game convention, not data).

The output is a table; copy the numbers into the map and split production and forces
over the state's provinces (the capital takes the biggest share).

From Python (tests/test_historical_maps.py checks every historical map this way):

    from cow_figures import parser, read_rows, compute
    args = parser().parse_args(["--year", "1936", "GMY", "FRN"])
    world, figures = compute(read_rows(args.data), args)   # figures[0].forces, .development, ...
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO / ".." / "shared" / "data"
MISSING = -9
UPKEEP = 0.25  # game/data/rules.yaml: upkeep per point of force strength per turn

Row = dict[str, object]


class CowError(Exception):
    """Missing data or a state without rows: the command line prints it and stops."""


@dataclass
class Figures:
    """One state's game figures and the CoW numbers behind them."""

    abb: str
    ccode: str
    pop_m: float
    tonnage_per_head: float | None  # None: iron/steel or energy unknown
    production: float
    development: float
    income: float
    milper: float
    milex_bn: float | None  # None: unknown, or not used (--military milper)
    capacity: float
    forces: int
    upkeep: float
    treasury: int
    notes: list[str] = field(default_factory=list)


def read_rows(data_dir: str | Path) -> list[Row]:
    """All state-year rows of the abridged NMC file, figures as floats (None = missing)."""
    path = Path(data_dir) / "nmc-v6-abridged.csv"
    if not path.is_file():
        raise CowError(f"cow_figures: {path} not found — pass the shared data folder with --data")
    rows: list[Row] = []
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            row: Row = {"stateabb": r["stateabb"], "ccode": r["ccode"], "year": int(r["year"])}
            for k in ("milex", "milper", "irst", "pec", "tpop"):
                v = float(r[k]) if r[k] not in ("", None) else MISSING
                row[k] = None if v == MISSING else v
            rows.append(row)
    return rows


def world_tonnage_per_head(rows: list[Row], years: list[int]) -> float:
    """(irst + pec) / tpop over every state with all three known, summed per year, then averaged."""
    ratios = []
    for y in years:
        ton = pop = 0.0
        for r in rows:
            if r["year"] == y and None not in (r["irst"], r["pec"], r["tpop"]):
                ton += r["irst"] + r["pec"]
                pop += r["tpop"]
        if pop:
            ratios.append(ton / pop)
    if not ratios:
        raise CowError(f"cow_figures: no data for year(s) {years}")
    return sum(ratios) / len(ratios)


def pick(values: list[float | None], how: str) -> float | None:
    known = [v for v in values if v is not None]
    if not known:
        return None
    return min(known) if how == "min" else sum(known) / len(known)


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("states", nargs="+", help="COW codes: letters (GMY) or numbers (255)")
    ap.add_argument(
        "--year",
        type=int,
        action="append",
        required=True,
        help="year of the figures; repeat for several years",
    )
    ap.add_argument(
        "--data",
        default=str(DEFAULT_DATA),
        help="the shared data folder (default: ../shared/data next to the repository)",
    )
    ap.add_argument("--production-scale", type=float, default=3.0, help="P (default 3.0)")
    ap.add_argument("--forces-scale", type=float, default=1 / 6, help="F (default 1/6)")
    ap.add_argument(
        "--development-power",
        type=float,
        default=0.25,
        help="the power in (T / T_world) ^ power (default 0.25)",
    )
    ap.add_argument("--military", choices=("milper", "mixed"), default="milper")
    ap.add_argument(
        "--max-upkeep-share",
        type=float,
        default=0.5,
        help="cap forces so that upkeep <= this share of income (default 0.5)",
    )
    return ap


def compute(rows: list[Row], args: argparse.Namespace) -> tuple[float, list[Figures]]:
    """The world's tonnage per head and each listed state's figures, in the order listed."""
    years = sorted(set(args.year))
    t_world = world_tonnage_per_head(rows, years)

    raw = []
    for code in args.states:
        mine = [r for r in rows if r["year"] in years and code.upper() in (r["stateabb"].upper(), r["ccode"])]
        if not mine:
            raise CowError(f"cow_figures: no rows for state {code!r} in {years}")
        raw.append(
            {
                "abb": mine[0]["stateabb"],
                "ccode": mine[0]["ccode"],
                "tpop": pick([r["tpop"] for r in mine], "mean"),
                "ton": pick(
                    [None if None in (r["irst"], r["pec"]) else r["irst"] + r["pec"] for r in mine], "mean"
                ),
                "milper": pick([r["milper"] for r in mine], "min"),
                "milex": pick([r["milex"] for r in mine], "min"),
            }
        )

    # Spending per soldier, for the "mixed" fallback (thousand USD per thousand soldiers).
    per_soldier = [f["milex"] / f["milper"] for f in raw if f["milex"] and f["milper"]]
    floor = min(per_soldier) if per_soldier else None

    out = []
    for f in raw:
        notes: list[str] = []
        pop_m = (f["tpop"] or 0) / 1000
        production = args.production_scale * math.sqrt(pop_m)
        if f["ton"] is None or not f["tpop"]:
            dev_raw, notes = 0.5, notes + ["no industry/energy data: development 0.5"]
        else:
            dev_raw = (f["ton"] / f["tpop"] / t_world) ** args.development_power
        development = round(min(2.5, max(0.5, dev_raw)) * 20) / 20
        income = production * development

        milper, milex = f["milper"] or 0.0, f["milex"]
        if args.military == "milper":
            capacity = milper
        else:
            if milex is None:
                if floor is None:
                    raise CowError("cow_figures: no spending figures to estimate from")
                milex = milper * floor
                notes.append("spending unknown: estimated at the lowest spending per soldier listed")
            capacity = math.sqrt(milper * milex / 1e6)
        forces = max(1, round(args.forces_scale * capacity**0.75))
        cap = max(1, math.floor(args.max_upkeep_share * income / UPKEEP))
        if forces > cap:
            notes.append(
                f"forces capped from {forces} to {cap} (upkeep <= {args.max_upkeep_share:g} of income)"
            )
            forces = cap
        out.append(
            Figures(
                abb=f["abb"],
                ccode=f["ccode"],
                pop_m=pop_m,
                tonnage_per_head=None if f["ton"] is None or not f["tpop"] else f["ton"] / f["tpop"],
                production=production,
                development=development,
                income=income,
                milper=milper,
                milex_bn=None if milex is None or args.military == "milper" else milex / 1e6,
                capacity=capacity,
                forces=forces,
                upkeep=forces * UPKEEP,
                treasury=round(income),
                notes=notes,
            )
        )
    return t_world, out


def table(t_world: float, figures: list[Figures], args: argparse.Namespace) -> str:
    """The printed table: a header line, one row per state, the totals."""
    years = sorted(set(args.year))
    lines = [
        f"# CoW NMC v6.0, years {', '.join(map(str, years))}; world tonnage per head "
        f"{t_world:.3f} t; P={args.production_scale:g}, D={args.development_power:g}, "
        f"F={args.forces_scale:.4g}, military={args.military}"
    ]
    head = (
        "state",
        "ccode",
        "pop_M",
        "t/head",
        "product",
        "develop",
        "income",
        "milper_k",
        "milex_bn",
        "C",
        "forces",
        "upkeep",
        "treasury",
    )
    lines.append(" ".join(f"{h:>8}" for h in head))
    for f in figures:
        vals = (
            f.abb,
            f.ccode,
            f"{f.pop_m:.1f}",
            "-" if f.tonnage_per_head is None else f"{f.tonnage_per_head:.2f}",
            f"{f.production:.1f}",
            f"{f.development:.2f}",
            f"{f.income:.1f}",
            f"{f.milper:.0f}",
            "-" if f.milex_bn is None else f"{f.milex_bn:.1f}",
            f"{f.capacity:.0f}",
            str(f.forces),
            f"{f.upkeep:.2f}",
            str(f.treasury),
        )
        lines.append(" ".join(f"{v:>8}" for v in vals) + ("   # " + "; ".join(f.notes) if f.notes else ""))
    lines.append(
        f"# totals: income {sum(f.income for f in figures):.1f}, "
        f"forces {sum(f.forces for f in figures)}, "
        f"upkeep {sum(f.upkeep for f in figures):.2f}"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    args = parser().parse_args(argv)
    try:
        t_world, figures = compute(read_rows(args.data), args)
    except CowError as exc:
        sys.exit(str(exc))
    print(table(t_world, figures, args))


if __name__ == "__main__":
    main()
