#!/usr/bin/env python3
"""List the ATOP alliances in force on a date among a set of states.

Rerunnable and dependency-free (plain Python 3 + the csv module). It reads the
Alliance Treaty Obligations and Provisions v4.01 member-level file in the shared
data folder and prints every alliance (one ATOP "phase" of it) in force on the date
that binds at least two of the listed states, with its obligations:

    def   defense: come to the aid of a member that is attacked
    off   offense: join a member's attack
    neu   neutrality: stay out of a member's war
    nag   non-aggression
    con   consultation: talk it over in a crisis

and `asymm` when the obligations run one way. For an asymmetric alliance each member's
own obligations are shown: the member with `def` is the guarantor (a patron in the
game), the member without it is the guaranteed (a client).

Usage (from the repository root):

    python maps/scripts/atop_alliances.py --date 1936-12-01 FRN RUS POL CZE GMY
    python maps/scripts/atop_alliances.py --date 1955-06-01 --defense-only USA JPN ROK 2 740

States are COW codes, letters (`stateabb` of the NMC file, e.g. GMY) or numbers (255).
Members of an alliance that are not listed are counted ("+3 others"), not named.

How the game reads ATOP (the shipped maps follow it and say so in their comments):
    symmetric defense                -> a pact
    asymmetric defense               -> a guarantee from each member with `def` to each without
    consultation, neutrality or
    non-aggression only              -> at most a bloc (no duty to fight), often nothing
"""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO / ".." / "shared" / "data"
OBLIGATIONS = (
    ("defense", "def"),
    ("offense", "off"),
    ("neutral", "neu"),
    ("nonagg", "nag"),
    ("consul", "con"),
)


@dataclass
class Member:
    ccode: str
    abb: str
    obligations: tuple[str, ...]  # short names of its own obligations
    asymm: bool


@dataclass
class Alliance:
    atopid: str
    begins: date  # this member set's entry into force (the latest entry among the listed members)
    members: list[Member] = field(default_factory=list)
    others: int = 0  # members in force that were not listed

    @property
    def asymm(self) -> bool:
        return any(m.asymm for m in self.members)

    @property
    def obligations(self) -> tuple[str, ...]:
        """The union of the listed members' obligations, in ATOP's order."""
        mine = {o for m in self.members for o in m.obligations}
        return tuple(short for _, short in OBLIGATIONS if short in mine)


def _date(year: str, month: str, day: str, *, end: bool = False) -> date | None:
    """An ATOP date; year 0 means none (still in force). Unknown month or day: the widest reading."""
    y, m, d = int(year or 0), int(month or 0), int(day or 0)
    if y == 0:
        return None
    if m == 0:
        m, d = (12, 31) if end else (1, 1)
    if d == 0:
        d = 28 if end else 1
    return date(y, m, d)


def state_codes(data_dir: Path) -> dict[str, tuple[str, str]]:
    """COW letters and numbers -> (ccode, letters), from the NMC file (the latest letters per number)."""
    codes: dict[str, tuple[str, str]] = {}
    with open(data_dir / "nmc-v6-abridged.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            codes[r["ccode"]] = (r["ccode"], r["stateabb"])
            codes[r["stateabb"].upper()] = (r["ccode"], r["stateabb"])
    return codes


def in_force(data_dir: Path, on: date, ccodes: list[str], defense_only: bool = False) -> list[Alliance]:
    """The alliances in force on `on` with at least two of `ccodes` as members, by ATOP id."""
    path = data_dir / "atop-v4-member-level.csv"
    if not path.is_file():
        sys.exit(f"atop_alliances: {path} not found — pass the shared data folder with --data")
    names = {c: abb for c, abb in state_codes(data_dir).values()}
    wanted = set(ccodes)
    found: dict[str, Alliance] = {}
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            start = _date(r["yrent"], r["moent"], r["dayent"])
            end = _date(r["yrexit"], r["moexit"], r["dayexit"], end=True)
            if start is None or start > on or (end is not None and end <= on):
                continue
            ally = found.setdefault(r["atopid"], Alliance(r["atopid"], date.min))
            if r["member"] not in wanted:
                ally.others += 1
                continue
            ally.begins = max(ally.begins, start)
            own = tuple(short for key, short in OBLIGATIONS if r[key] not in ("", "0"))
            same = [m for m in ally.members if m.ccode == r["member"]]
            if same:  # a member listed twice (e.g. two bilateral treaties coded as one): merge
                merged = set(same[0].obligations) | set(own)
                same[0].obligations = tuple(short for _, short in OBLIGATIONS if short in merged)
                same[0].asymm = same[0].asymm or r["asymm"] == "1"
                continue
            ally.members.append(
                Member(r["member"], names.get(r["member"], r["member"]), own, r["asymm"] == "1")
            )
    out = [a for a in found.values() if len(a.members) >= 2]
    if defense_only:
        out = [a for a in out if "def" in a.obligations]
    return sorted(out, key=lambda a: int(a.atopid))


def describe(ally: Alliance) -> str:
    """One line: id, start, obligations, members (with their own obligations when asymmetric)."""
    if ally.asymm:
        members = ", ".join(f"{m.abb}({'+'.join(m.obligations) or '-'})" for m in ally.members)
    else:
        members = ", ".join(m.abb for m in ally.members)
    others = f" +{ally.others} others" if ally.others else ""
    kind = " asymm" if ally.asymm else ""
    return f"{ally.atopid:>5}  {ally.begins.isoformat()}  {'+'.join(ally.obligations):<16}{kind:<6}  {members}{others}"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("states", nargs="+", help="COW codes: letters (GMY) or numbers (255)")
    ap.add_argument("--date", required=True, type=date.fromisoformat, help="YYYY-MM-DD")
    ap.add_argument("--data", default=str(DEFAULT_DATA), help="the shared data folder")
    ap.add_argument("--defense-only", action="store_true", help="only alliances with a defense obligation")
    args = ap.parse_args(argv)
    data = Path(args.data)
    codes = state_codes(data)
    unknown = [s for s in args.states if s.upper() not in codes]
    if unknown:
        sys.exit(f"atop_alliances: unknown COW code(s): {', '.join(unknown)}")
    ccodes = [codes[s.upper()][0] for s in args.states]
    print(f"# ATOP v4.01: alliances in force on {args.date.isoformat()} among {len(ccodes)} states")
    print(f"{'atopid':>5}  {'since':<10}  {'obligations':<16}{'':<6}  members")
    for ally in in_force(data, args.date, ccodes, args.defense_only):
        print(describe(ally))


if __name__ == "__main__":
    main()
