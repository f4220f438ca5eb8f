"""The map editor's model: round trips, edits, undo and redo, references, limits and saving."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.editor import edits as e
from game.editor.document import MapDocument, OpenError
from game.editor.preview import preview_state
from game.editor.session import Session
from game.scenario import load_scenario, new_game, parse_scenario
from game.scenario.yamlsafe import MAX_BYTES

MAPS = sorted(Path("maps").glob("*.yaml"))
TUTORIAL = Path("maps/tutorial.yaml")


def comments(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.stem)
def test_saver_round_trips_every_shipped_map(path: Path, tmp_path: Path) -> None:
    session = Session.open(str(path))
    assert session.problems == []
    target = tmp_path / path.name
    session.save(str(target))
    saved = target.read_text(encoding="utf-8")
    original = path.read_text(encoding="utf-8")
    assert comments(saved) == comments(original)
    assert saved == original  # not even a space moves
    assert load_scenario(target).model_dump() == load_scenario(path).model_dump()
    assert new_game(load_scenario(target), 3).to_dict() == new_game(load_scenario(path), 3).to_dict()


def test_an_edit_keeps_comments_and_key_order(tmp_path: Path) -> None:
    session = Session.open(str(TUTORIAL))
    session.apply(e.MoveProvince("varon", (250, 280)))
    session.apply(e.SetState("OST", "treasury", 12))
    text = session.text
    assert comments(text) == comments(TUTORIAL.read_text(encoding="utf-8"))
    assert "pos: [250, 280]" in text and "treasury: 12" in text
    keys = [line.split(":")[0] for line in text.splitlines() if line and line[0].isalpha()]
    original = [
        line.split(":")[0] for line in TUTORIAL.read_text().splitlines() if line and line[0].isalpha()
    ]
    assert keys == original


def test_edits_undo_and_redo() -> None:
    session = Session.new("Test")
    a = session.apply(e.AddState("Alpha"))
    b = session.apply(e.AddState("Beta"))
    p1 = session.apply(e.AddProvince((100, 100), a))
    p2 = session.apply(e.AddProvince((300, 100), b))
    assert session.problems and "cannot be reached" in session.problems[0].message
    session.apply(e.AddLink(p1, p2))
    assert session.problems == []
    loaded = parse_scenario(session.text)
    assert [s.name for s in loaded.states] == ["Alpha", "Beta"]
    assert [s.colour for s in loaded.states] == ["#D55E00", "#0072B2"]
    done = session.text
    assert session.undo() and session.problems  # the link is gone again
    assert e.find_link(session.doc, p1, p2) is None
    assert session.undo() and session.doc.ids("provinces") == [p1]
    assert session.redo() and session.redo()
    assert session.text == done and session.problems == []
    session.undo()
    session.apply(e.AddLink(p1, p2, sea=True))  # a new edit drops what could be redone
    assert not session.redo()
    assert parse_scenario(session.text).sea_links == [[p1, p2]]


def test_refused_edits_leave_the_map_as_it_was() -> None:
    session = Session.open(str(TUTORIAL))
    before = session.text
    refusals = [
        (e.AddLink("varon", "westfold"), "link_exists"),
        (e.AddLink("varon", "varon"), "link_self"),
        (e.AddProvince((240, 275), "VAR"), "same_place"),
        (e.AddProvince((2000, 10), "VAR"), "outside"),
        (e.SetState("VAR", "development", 9), "bad_value"),
        (e.SetState("VAR", "colour", "red"), "bad_value"),
        (e.SetProvince("varon", "production", -1), "bad_value"),
        (e.RenameState("VAR", "KAR"), "id_taken"),
        (e.RenameProvince("varon", "no spaces"), "bad_province_id"),
        (e.SetMember(0, "KAR", False), "agreement_two"),
        (e.SetMeta("title", "  "), "title_empty"),
        (e.DeleteProvince("atlantis"), "unknown_province"),
    ]
    for edit, key in refusals:
        with pytest.raises(e.Refused) as info:
            session.apply(edit)
        assert info.value.key == key, edit
    assert session.text == before and not session.undo_stack


def test_deleting_a_province_or_a_state_leaves_no_dangling_reference() -> None:
    session = Session.open(str(TUTORIAL))
    session.apply(e.DeleteProvince("varon"))  # a capital with forces and five links
    assert session.problems == []
    varonia = parse_scenario(session.text).states[0]
    assert varonia.capital is None and "varon" not in varonia.forces
    session.apply(e.DeleteState("DRA"))  # a member of the River Pact, which falls apart
    session.apply(e.DeleteState("ISL"))
    scenario = parse_scenario(session.text)
    assert [s.id for s in scenario.states] == ["VAR", "KAR", "OST"]
    assert scenario.agreements == []
    assert all(p.owner in ("VAR", "KAR", "OST") for p in scenario.provinces)
    assert session.problems == []
    session.apply(e.AddAgreement("guarantee", ("KAR", "OST")))
    session.apply(e.DeleteState("OST"))
    assert parse_scenario(session.text).agreements == []


def test_painting_a_capital_away_clears_it_and_its_forces() -> None:
    session = Session.open(str(TUTORIAL))
    session.apply(e.SetOwner("osterholm", "VAR"))
    ostmark = next(s for s in parse_scenario(session.text).states if s.id == "OST")
    assert ostmark.capital is None and ostmark.forces == {}
    session.apply(e.SetCapital("osterholm"))
    assert parse_scenario(session.text).states[0].capital == "osterholm"


def test_renaming_ids_follows_every_reference() -> None:
    session = Session.open(str(TUTORIAL))
    session.apply(e.RenameState("KAR", "KARD"))
    session.apply(e.RenameProvince("kardos", "kardos_city"))
    scenario = parse_scenario(session.text)
    kard = next(s for s in scenario.states if s.id == "KARD")
    assert kard.capital == "kardos_city" and kard.forces["kardos_city"] == 5
    assert scenario.agreements[0].members == ["KARD", "DRA"]
    assert "KARD" in scenario.assembly.veto_holders
    assert ["kardos_city", "eastwatch"] in scenario.links


def test_a_map_too_large_is_refused() -> None:
    session = Session.new("Big")
    session.apply(e.SetMeta("briefing", "x" * (MAX_BYTES - 1000)))
    with pytest.raises(e.Refused) as info:
        session.apply(e.SetMeta("author", "y" * 2000))
    assert info.value.key == "too_big"
    assert "y" * 10 not in session.text and len(session.undo_stack) == 1


def test_opening_a_bad_file_gives_the_loaders_message(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("a: &x [1]\nb: *x\n")
    with pytest.raises(OpenError) as info:
        Session.open(str(bomb))
    assert str(info.value).startswith(f"{bomb}:1:")
    with pytest.raises(OpenError, match="file not found"):
        Session.open(str(tmp_path / "missing.yaml"))
    twice = tmp_path / "twice.yaml"
    twice.write_text("title: A\nstates: []\ntitle: B\n")
    with pytest.raises(OpenError, match="appears twice"):  # which title counts would change on saving
        Session.open(str(twice))
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (MAX_BYTES + 1))
    with pytest.raises(OpenError, match="over the limit"):
        Session.open(str(big))


def test_save_refuses_a_map_with_problems_but_a_draft_goes_beside_it(tmp_path: Path) -> None:
    path = tmp_path / "tutorial.yaml"
    shutil.copy(TUTORIAL, path)
    session = Session.open(str(path))
    session.apply(e.DeleteProvince("fenwick"))
    session.apply(e.RemoveLink("ironhills", "osterholm"))
    session.apply(e.RemoveLink("osterholm", "redcliff"))
    session.apply(e.RemoveLink("osterholm", "highmoor"))  # Osterholm is cut off
    assert session.problems and session.dirty
    with pytest.raises(e.Refused) as info:
        session.save()
    assert info.value.key == "cannot_save"
    assert path.read_text(encoding="utf-8") == TUTORIAL.read_text(encoding="utf-8")
    draft = session.save_draft()
    assert draft == str(tmp_path / "tutorial.draft.yaml") and Path(draft).exists()
    session.undo()
    session.save()
    assert not session.dirty and load_scenario(path).provinces[8].id != "fenwick"


def test_the_preview_draws_what_makes_sense() -> None:
    doc = MapDocument.parse(
        "title: x\nstates: [{id: A, name: A, colour: red}]\n"
        "provinces: [{id: a, owner: A, pos: [1, 2]}, {id: b, owner: Z, pos: [3, 4]}]\n"
        "links: [[a, b], [a]]\nagreements: [{kind: pact, members: [A, Z]}]\n"
    )
    state = preview_state(doc)
    assert list(state.provinces) == ["a"] and state.nations["A"].capital == "a"
    assert state.nations["A"].colour == "#999999" and state.agreements == {}
