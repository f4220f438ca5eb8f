"""Random edit sequences: the editor never crashes, never leaves a dangling reference, never saves a map the game rejects."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.editor import edits as e
from game.editor.document import MapDocument
from game.editor.session import Session
from game.scenario import load_scenario

BASE = """\
title: Three states
states:
  - {id: A, name: Alpha, colour: "#D55E00"}
  - {id: B, name: Beta, colour: "#0072B2"}
  - {id: C, name: Gamma, colour: "#009E73", forces: {c1: 2}}
provinces:
  - {id: a1, owner: A, pos: [100, 100]}
  - {id: b1, owner: B, pos: [300, 100]}
  - {id: c1, owner: C, pos: [200, 300]}
links: [[a1, b1], [b1, c1]]
sea_links: [[a1, c1]]
agreements:
  - {kind: pact, members: [A, B]}
  - {kind: guarantee, patron: C, client: A}
"""
WORDS = st.text(alphabet="abcXYZ_-1 \n\t\x07é", max_size=8)
NUMBERS = st.one_of(st.integers(-5, 200), st.floats(-1, 10, allow_nan=False), st.just(float("inf")))


def draw_edit(data, session: Session) -> e.Edit:
    """An edit of a random kind on ids the map has (or, now and then, one it has not)."""
    doc = session.doc
    provinces = doc.ids("provinces") + ["zz"]
    states = doc.ids("states") + ["QQ"]
    province = lambda: data.draw(st.sampled_from(provinces))  # noqa: E731
    state = lambda: data.draw(st.sampled_from(states))  # noqa: E731
    point = lambda: (data.draw(st.integers(-10, 1010)), data.draw(st.integers(-10, 610)))  # noqa: E731
    kind = data.draw(st.integers(0, 18))
    return [
        lambda: e.AddProvince(point(), state()),
        lambda: e.MoveProvince(province(), point()),
        lambda: e.DeleteProvince(province()),
        lambda: e.SetProvince(
            province(), data.draw(st.sampled_from(e.PROVINCE_FIELDS)), data.draw(st.one_of(WORDS, NUMBERS))
        ),
        lambda: e.RenameProvince(province(), data.draw(WORDS)),
        lambda: e.SetOwner(province(), state()),
        lambda: e.SetCapital(province()),
        lambda: e.SetForces(province(), data.draw(st.integers(-2, 20))),
        lambda: e.AddLink(province(), province(), data.draw(st.booleans())),
        lambda: e.RemoveLink(province(), province()),
        lambda: e.AddState(data.draw(WORDS)),
        lambda: e.SetState(
            state(),
            data.draw(st.sampled_from(e.STATE_FIELDS)),
            data.draw(st.one_of(WORDS, NUMBERS, st.lists(NUMBERS, max_size=4))),
        ),
        lambda: e.RenameState(state(), data.draw(WORDS)),
        lambda: e.DeleteState(state()),
        lambda: e.AddAgreement(
            data.draw(st.sampled_from(["pact", "guarantee", "bloc", "war"])), (state(), state())
        ),
        lambda: e.SetMember(data.draw(st.integers(-1, 3)), state(), data.draw(st.booleans())),
        lambda: e.DeleteAgreement(data.draw(st.integers(-1, 3))),
        lambda: e.SetMeta(
            data.draw(st.sampled_from(["title", "briefing", "author", "size"])), data.draw(WORDS)
        ),
        lambda: e.Batch([e.AddLink(province(), province()), e.SetOwner(province(), state())]),
    ][kind]()


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_edits_never_save_a_map_the_game_rejects(data) -> None:
    session = Session(MapDocument.parse(BASE))
    start = session.text
    for _ in range(data.draw(st.integers(1, 10))):
        with contextlib.suppress(e.Refused):
            session.apply(draw_edit(data, session))
        dangling = [p for p in session.problems if "unknown" in p.message]
        assert not dangling, dangling
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "map.yaml"
        try:
            session.save(str(target))
        except e.Refused as exc:
            assert exc.key == "cannot_save" and session.problems and not target.exists()
        else:
            assert session.problems == []
            load_scenario(target)  # the game loads what the editor saved
    while session.undo():
        pass
    assert session.text == start
