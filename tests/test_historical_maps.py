"""The historical maps: they load, their figures are the converter's, their alliances are ATOP's, they play.

The figures and alliances are recomputed from the shared data folder (../shared/data) with the scripts in
maps/scripts, using the exact command each map's header gives. Without that folder those checks are skipped
(the maps themselves are committed and still load and play).
"""

from __future__ import annotations

import importlib.util
import re
import shlex
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from game.engine.state import BLOC, GUARANTEE, PACT
from game.scenario import load_scenario
from game.session import Game

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
SCRIPTS = ROOT / "maps" / "scripts"
NEW_MAPS = ["europe-1936", "cold-war-1955", "coalition-2003"]
# Every shipped map whose header names the converter: the new ones and the two it was first written for.
FIGURE_MAPS = ["europe-1914", "world-today", *NEW_MAPS]
NO_DATA = f"the shared data folder {DATA} is absent: the figures and alliances cannot be recomputed"

# The starting agreements named in each map's header and comments: id -> (kind, members, ATOP ids).
# A guarantee's members are (patron, client). An empty tuple of ATOP ids marks an informal commitment
# that ATOP does not code (the map's comments say why it is there).
AGREEMENTS: dict[str, dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]]] = {
    "europe-1936": {
        "franco_soviet": (PACT, ("FRA", "SOV"), ("2360",)),
        "czechoslovak_soviet": (PACT, ("CZE", "SOV"), ("2365",)),
        "franco_polish": (PACT, ("FRA", "POL"), ("2060", "2135")),
        "franco_czechoslovak": (PACT, ("FRA", "CZE"), ("2140", "2120")),
        "little_entente": (PACT, ("CZE", "YUG", "ROU"), ("2050", "2080", "2085", "2302")),
        "polish_romanian": (PACT, ("POL", "ROU"), ("2070",)),
        "balkan_entente": (PACT, ("YUG", "GRC", "ROU", "TUR"), ("2330",)),
        "estonian_latvian": (PACT, ("EST", "LVA"), ("2110",)),
        "locarno_britain": (GUARANTEE, ("GBR", "FRA"), ("2130",)),
        "locarno_italy": (GUARANTEE, ("ITA", "FRA"), ("2130",)),
        "rome_protocols": (BLOC, ("ITA", "AUT", "HUN"), ("2335",)),
        "baltic_entente": (BLOC, ("LTU", "LVA", "EST"), ("2345",)),
    },
    "cold-war-1955": {
        "nato": (PACT, ("USA", "GBR", "FRA", "FRG", "ITA", "BEL", "NOR", "TUR", "GRC", "CAN"), ("3180",)),
        "warsaw_pact": (PACT, ("SOV", "POL", "CSK", "GDR", "HUN", "ROU", "BGR"), ("3285",)),
        "sino_soviet": (PACT, ("SOV", "CHN"), ("3200",)),
        "us_japan": (GUARANTEE, ("USA", "JPN"), ("3220",)),
        "us_korea": (GUARANTEE, ("USA", "KOR"), ("3240",)),
        "us_roc": (PACT, ("USA", "TWN"), ("3270",)),
        "china_dprk": (GUARANTEE, ("CHN", "PRK"), ()),
        "balkan_pact": (PACT, ("GRC", "TUR", "YUG"), ("3230",)),
    },
    "coalition-2003": {
        "nato": (PACT, ("USA", "GBR", "FRA", "DEU", "ITA", "ESP", "POL", "DNK", "TUR", "CAN"), ("3180",)),
        "rio_treaty": (PACT, ("USA", "MEX", "CHL"), ("3075",)),
        "anzus": (PACT, ("USA", "AUS"), ("3215",)),
        "us_japan": (GUARANTEE, ("USA", "JPN"), ("3375",)),
        "us_korea": (GUARANTEE, ("USA", "KOR"), ("3240",)),
        "us_pakistan": (GUARANTEE, ("USA", "PAK"), ("3355",)),
        "gcc": (PACT, ("SAU", "KWT"), ("4965",)),
        "sco": (BLOC, ("CHN", "RUS"), ("4810",)),
        "eu": (BLOC, ("DEU", "FRA", "GBR", "ITA", "ESP", "DNK"), ("4175",)),
    },
}


def script(name: str) -> ModuleType:
    """A module of maps/scripts, imported from its file."""
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def path(name: str) -> Path:
    return ROOT / "maps" / f"{name}.yaml"


def header_command(name: str, script_name: str) -> list[str]:
    """The arguments of the `python maps/scripts/<script_name>.py ...` line in the map's header comment."""
    found = re.findall(
        rf"^#\s+python maps/scripts/{script_name}\.py (.+)$", path(name).read_text("utf-8"), re.M
    )
    assert len(found) == 1, f"{name}: the header should give the {script_name} command exactly once"
    return shlex.split(found[0])


def cow_codes(name: str) -> dict[str, str]:
    """Each state's CoW number, from the comment beside its id: `- id: GBR   # CoW UKG 200`."""
    text = path(name).read_text("utf-8")
    return dict(re.findall(r"^  - id: (\w+) +# CoW \w+ (\d+)", text, re.M))


@pytest.mark.parametrize("name", NEW_MAPS)
def test_map_loads_with_the_house_style(name: str) -> None:
    scenario = load_scenario(path(name))
    text = path(name).read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=schema.json\n")
    assert scenario.sources and scenario.briefing and scenario.year
    cited = " ".join(scenario.sources)
    wanted = ["Singer, Bremer & Stuckey (1972)", "Greig & Enterline", "Leeds", "(ATOP) v4.01"]
    if name == "coalition-2003":
        wanted.append("US Department of State, Voting Practices in the United Nations")
    for source in wanted:
        assert source in cited, f"{name} does not cite {source}"
    assert sorted(cow_codes(name)) == sorted(s.id for s in scenario.states), "every state needs its CoW code"
    assert len({s.colour.lower() for s in scenario.states}) == len(scenario.states), "colours must differ"
    assert scenario.assembly.enabled and scenario.assembly.veto_holders


@pytest.mark.parametrize("name", FIGURE_MAPS)
def test_figures_are_the_converters(name: str) -> None:
    """Each state's development, treasury, total forces and total production (to 0.1) are the script's."""
    if not DATA.is_dir():
        pytest.skip(NO_DATA)
    cow = script("cow_figures")
    args = cow.parser().parse_args([*header_command(name, "cow_figures"), "--data", str(DATA)])
    _, figures = cow.compute(cow.read_rows(args.data), args)
    by_ccode = {f.ccode: f for f in figures}
    scenario = load_scenario(path(name))
    codes = cow_codes(name)
    assert sorted(by_ccode) == sorted(codes.values()), (
        "the header command should list exactly the map's states"
    )
    for spec in scenario.states:
        fig = by_ccode[codes[spec.id]]
        production = sum(p.production for p in scenario.provinces if p.owner == spec.id)
        assert spec.development == pytest.approx(fig.development), spec.id
        assert spec.treasury == fig.treasury, spec.id
        assert sum((spec.forces or {}).values()) == fig.forces, spec.id
        assert abs(production - fig.production) <= 0.05 + 1e-9, (
            f"{spec.id}: {production} vs {fig.production:.2f}"
        )


@pytest.mark.parametrize("name", NEW_MAPS)
def test_starting_agreements_are_the_ones_named(name: str) -> None:
    scenario = load_scenario(path(name))
    found = {}
    for ag in scenario.agreements:
        members = (ag.patron, ag.client) if ag.kind == GUARANTEE else tuple(ag.members)
        found[ag.id] = (ag.kind, members)
    assert found == {k: v[:2] for k, v in AGREEMENTS[name].items()}


@pytest.mark.parametrize("name", NEW_MAPS)
def test_agreements_are_in_force_in_atop_on_the_maps_date(name: str) -> None:
    """Each agreement's ATOP alliances are in force on the header's date among its members; a pact has a
    defense obligation, a guarantee an asymmetric one with the patron bound to defend."""
    if not DATA.is_dir():
        pytest.skip(NO_DATA)
    atop = script("atop_alliances")
    args = header_command(name, "atop_alliances")
    on = date.fromisoformat(args[args.index("--date") + 1])
    codes = cow_codes(name)
    in_force = {a.atopid: a for a in atop.in_force(DATA, on, sorted(set(codes.values())))}
    for ident, (kind, members, atop_ids) in AGREEMENTS[name].items():
        if not atop_ids:
            continue  # informal: not in ATOP, explained in the map
        missing = [a for a in atop_ids if a not in in_force]
        assert not missing, f"{name} {ident}: ATOP {missing} not in force on {on} among the map's states"
        alliances = [in_force[a] for a in atop_ids]
        coded = {m.ccode for a in alliances for m in a.members}
        assert {codes[m] for m in members} <= coded, f"{name} {ident}: members not all in ATOP {atop_ids}"
        if kind == PACT:
            assert any("def" in a.obligations for a in alliances), f"{name} {ident}: no defense obligation"
        if kind == GUARANTEE:
            patron = codes[members[0]]
            assert any(
                a.asymm and any(m.ccode == patron and "def" in m.obligations for m in a.members)
                for a in alliances
            ), f"{name} {ident}: not an asymmetric defense obligation of the patron"


def test_europe_1936_gives_every_state_its_world_war_side_twice() -> None:
    """The header table and the comment beside each state agree on each state's side in the Second World War."""
    text = path("europe-1936").read_text("utf-8")
    beside = dict(re.findall(r"^  - id: (\w+) +# CoW \w+ \d+ · WWII: (Allies|Axis|neutral)", text, re.M))
    table = dict(re.findall(r"^#   [A-Z][\w ]+?\s{2,}([A-Z]{3})\s+(Allies|Axis|neutral)\b", text, re.M))
    codes = dict(re.findall(r"^  - id: (\w+) +# CoW (\w+) \d+", text, re.M))
    assert len(beside) == len(codes) == 25
    assert {codes[state]: side for state, side in beside.items()} == table


@pytest.mark.parametrize("name", NEW_MAPS)
def test_five_turns_play(name: str) -> None:
    game = Game.new(load_scenario(path(name)), seed=1)
    for _ in range(5):
        game.play_turn()
    state = game.state
    assert state.turn == 6 and not state.over
    assert len(game.record.turns) == 5
    assert all(state.provinces[n.capital].owner == n.id for n in state.nations.values() if n.alive)
