"""Small hand-built worlds for rules tests."""

from __future__ import annotations

import numpy as np
import yaml

from game.engine.state import (
    Agreement,
    Controller,
    GameState,
    Nation,
    Province,
    Rules,
)
from game.engine.turn import start

RULES_FILE = "game/data/rules.yaml"


def rules(**overrides) -> Rules:
    with open(RULES_FILE, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return Rules(**{**data, **overrides})


def world(
    owners: dict[str, str],
    links: list[tuple[str, str]],
    forces: dict[str, dict[str, int]] | None = None,
    agreements: list[Agreement] = (),
    values: dict[str, list[float]] | None = None,
    seed: int = 1,
    **rule_overrides,
) -> GameState:
    """A world of provinces named after their owners' ids, e.g. owners={'a1': 'A', 'b1': 'B'}."""
    nations = {}
    for prov, owner in owners.items():
        if owner not in nations:
            nations[owner] = Nation(
                id=owner,
                name=owner.title(),
                colour="#888888",
                values=(values or {}).get(owner, [0.5, 0.5, 0.5]),
                treasury=10.0,
                development=1.0,
                legitimacy=50.0,
                objective="survive",
                controller=Controller(),
                capital=prov,
            )
    neighbours: dict[str, set[str]] = {p: set() for p in owners}
    for a, b in links:
        neighbours[a].add(b)
        neighbours[b].add(a)
    provinces = {
        p: Province(
            id=p,
            name=p.title(),
            pos=[i * 10.0, 0.0],
            production=2.0,
            owner=o,
            neighbours=sorted(neighbours[p]),
        )
        for i, (p, o) in enumerate(owners.items())
    }
    state = GameState(
        scenario_id="test",
        title="Test",
        seed=seed,
        turn=1,
        rules=rules(**rule_overrides),
        nations=nations,
        provinces=provinces,
        forces={p: dict(s) for p, s in (forces or {}).items()},
        agreements={a.id: a for a in agreements},
        rng=np.random.PCG64(seed).state,
    )
    return start(state)


def pact(ident: str, *members: str, **fields) -> Agreement:
    return Agreement(
        id=ident, kind="pact", name=ident.title(), members=list(members), leader=members[0], **fields
    )


def guarantee(ident: str, patron: str, client: str) -> Agreement:
    return Agreement(id=ident, kind="guarantee", name=ident, members=[patron, client], patron=patron)


def bloc(ident: str, *members: str, **fields) -> Agreement:
    return Agreement(
        id=ident, kind="bloc", name=ident.title(), members=list(members), leader=members[0], **fields
    )
