"""The debrief from a record: figures, timeline, verdict, concepts, questions by rule, and the export."""

from __future__ import annotations

import copy
import csv
import string
from pathlib import Path

import pytest

from game import debrief
from game.debrief import COLUMNS, Moment, Question, concepts, questions, timeline, verdict
from game.record import Record, read_record
from game.scenario import load_scenario
from game.session import Game
from game.text import catalog
from game.text.glossary import cards

EUROPE = Path("maps/europe-1914.yaml")


@pytest.fixture(scope="module")
def game() -> Game:
    """An AI-only game of a shipped map, played to its end."""
    played = Game.new(load_scenario(EUROPE), 1)
    while not played.over:
        played.play_turn()
    return played


def names_of(game: Game) -> dict[str, str]:
    return {n: s.name for n, s in game.state.nations.items()}


def events(record: Record, kind: str) -> list[tuple[int, dict]]:
    return [(entry["turn"], e) for entry in record.turns for e in entry["events"] if e["type"] == kind]


def test_figures_have_a_row_per_state_and_turn(game):
    record = game.record
    rows = debrief.figures(record, names_of(game))
    assert len(rows) == len(record.start["states"]) * (len(record.turns) + 1)
    text = debrief.csv_text(rows)
    read = list(csv.DictReader(text.splitlines()))
    assert tuple(read[0]) == COLUMNS
    last = record.turns[-1]
    serbia = next(r for r in read if r["turn"] == str(last["turn"]) and r["state"] == "SRB")
    assert serbia["name"] == "Serbia" and float(serbia["share"]) == last["states"]["SRB"]["share"]
    assert serbia["year"] == str(1914 + last["turn"] - 1)
    assert [r["turn"] for r in read[: len(record.start["states"])]] == ["0"] * len(record.start["states"])


def test_the_charts_hold_every_state_over_every_turn(game):
    share, legitimacy, treasury = debrief.charts(game.record, game.state)
    assert share.threshold == game.state.rules.hegemony_share and share.percent
    for chart in (share, legitimacy, treasury):
        assert set(chart.lines) == set(game.state.nations)
        assert all(len(v) == len(game.record.turns) + 1 for v in chart.lines.values())
        assert max(max(v) for v in chart.lines.values()) <= chart.top
    assert [debrief.nice_top(v) for v in (3, 9, 11, 101, 210)] == [4, 10, 20, 200, 400]


def test_the_timeline_has_the_wars_eliminations_and_dissolved_pacts(game):
    record = game.record
    moments = timeline(record, names_of(game))
    assert moments == sorted(moments, key=lambda m: m.turn)
    names = names_of(game)
    start = {m.fields["name"] for m in moments if m.turn == 0 and m.kind.startswith("formed")}
    assert start == {a["name"] for a in record.start["agreements"] if a["kind"] != "guarantee"}
    for turn, e in events(record, "war_declared"):
        fields = [m.fields for m in moments if m.turn == turn and m.kind == "war"]
        assert any(names[e["data"]["actor"]] in f["attackers"] for f in fields)
    for turn, e in events(record, "eliminated"):
        assert Moment(turn, "eliminated", {"state": names[e["actors"][0]]}) in moments
    for turn, e in events(record, "dissolved"):
        assert Moment(turn, f"ended_{e['data']['kind']}", {"name": e["data"]["name"]}) in moments
    assert events(record, "war_declared") and events(record, "dissolved")


def test_the_verdict_names_the_winner_its_reason_and_its_score(game):
    found = verdict(game.record, game.state)
    assert found.winner == game.record.winner == game.state.winner
    assert found.reason == "score" and found.turns == len(game.record.turns)
    assert found.parts == game.record.scores[found.winner]
    assert found.objective == game.state.nations[found.winner].objective
    assert found.objective_met == (found.parts["objective"] > 0)


def test_concepts_shown_first_turn_and_event(game):
    shown = concepts(game.record)
    assert len(shown) >= 5 and all(s.card in cards() for s in shown)
    assert [s.turn for s in shown] == sorted(s.turn for s in shown)
    for s in shown:
        seen = [
            (entry["turn"], e)
            for entry in game.record.turns
            for e in entry["events"]
            if e["concept"] == s.card and e["type"] != "decision"
        ]
        if seen:  # a world event shows it: the first one
            assert (s.turn, s.event) == seen[0]
    alliance = next(s for s in shown if s.card == "alliance")
    assert alliance.count == sum(e["concept"] == "alliance" for t in game.record.turns for e in t["events"])


def filled(question: Question, lang: str) -> str:
    template = catalog(lang)["ui"]["debrief"]["questions"][question.key]
    used = {f for _, f, _, _ in string.Formatter().parse(template) if f}
    assert used <= set(question.fields) | {"kind"}, f"{question.key} in {lang}: {used - set(question.fields)}"
    return template.format(**question.fields)


def test_three_questions_from_what_happened(game):
    chosen = questions(game.record, game.state)
    assert len(chosen) == 3 and len({q.key for q in chosen}) == 3
    keys = [q.key for q in chosen]
    assert keys[0] == "pact_dissolved"  # no hegemony came near; the Serbo-Greek Alliance broke up
    dissolved = next(e for _, e in events(game.record, "dissolved") if e["data"]["kind"] == "pact")
    assert chosen[0].fields["name"] == dissolved["data"]["name"]
    if events(game.record, "eliminated"):
        assert "state_eliminated" in keys
    for q in chosen:
        for lang in ("en", "ru"):
            assert "{" not in filled(q, lang)


def test_every_question_has_a_template_in_both_languages():
    english, russian = (set(catalog(lang)["ui"]["debrief"]["questions"]) for lang in ("en", "ru"))
    assert english == russian and len(english) == len(debrief.RULES) + 1  # a template a rule, and the heading


# the rules on small hand-made records


def quiet_record(game: Game) -> Record:
    """The real record with every event, resolution, agreement and war taken out."""
    record = copy.deepcopy(game.record)
    for snap in debrief.snapshots(record):
        snap["agreements"], snap["wars"] = [], []
        for entry in snap["states"].values():
            entry.update(alive=True, share=0.1)
    for entry in record.turns:
        entry["events"], entry["resolutions"] = [], []
        entry["polarity"] = record.start["polarity"]
    return record


def test_a_quiet_game_gets_the_fallback_questions(game):
    record = quiet_record(game)
    assert [q.key for q in questions(record, game.state)] == ["winner", "polarity", "alliances"]
    assert timeline(record, names_of(game)) == []
    assert concepts(record) == []


def test_a_client_voting_against_its_patron_is_asked_about(game):
    record = quiet_record(game)
    guarantee = {"id": "g", "kind": "guarantee", "name": "Shield", "members": ["GER", "AUH"], "patron": "GER"}
    record.turns[2]["agreements"].append(guarantee)
    vote = {"id": "r1", "kind": "condemn", "target": "FRA", "sponsor": "GER", "outcome": "passed"}
    record.turns[3]["resolutions"] = [{**vote, "votes": {"GER": "yes", "AUH": "no"}}]
    chosen = questions(record, game.state)
    assert chosen[0] == Question(
        "client_defied", {"client": "Austria-Hungary", "patron": "German Empire", "turn": "4"}
    )
    record.turns[3]["resolutions"] = [{**vote, "votes": {"GER": "yes", "AUH": "abstain"}}]
    assert "client_defied" not in [q.key for q in questions(record, game.state)]


def test_hegemony_reached_or_prevented(game):
    record = quiet_record(game)
    record.turns[6]["states"]["GER"]["share"] = 0.45  # near the 50% of a hegemony
    first = questions(record, game.state)[0]
    assert first == Question("hegemony_prevented", {"state": "German Empire", "share": "45%", "turn": "7"})
    record.turns[-1]["events"] = [
        {"type": "hegemony", "actors": ["GER"], "concept": "", "text": "", "data": {}}
    ]
    keys = [q.key for q in questions(record, game.state)]
    assert keys[0] == "hegemony_reached" and "hegemony_prevented" not in keys
    assert verdict(record, game.state).reason == "hegemony"


def test_a_small_state_surviving_a_war(game):
    record = quiet_record(game)
    record.start["states"]["CHE"]["share"] = 0.01
    assert "small_survived" not in [q.key for q in questions(record, game.state)]  # no war
    record.start["wars"] = [{"id": "w", "attackers": ["GER"], "defenders": ["FRA"], "started": 1}]
    assert questions(record, game.state)[0] == Question("small_survived", {"state": "Switzerland"})


# export


def test_export_writes_the_images_the_figures_and_the_record(game, tmp_path):
    folder = tmp_path / debrief.folder_name(game.record)
    (folder).mkdir()
    (folder / "figures.csv").write_text("old", encoding="utf-8")
    written = debrief.export(game.record, folder, names_of(game), lambda: {"power_share": b"\x89PNG-bytes"})
    assert [p.name for p in written] == ["power_share.png", "figures.csv", "record.json"]
    assert (folder / "power_share.png").read_bytes() == b"\x89PNG-bytes"
    assert (folder / "figures.csv").read_text(encoding="utf-8").startswith(",".join(COLUMNS) + "\n")
    assert read_record(folder / "record.json")[0].to_dict() == game.record.to_dict()
    assert sorted(p.name for p in folder.iterdir()) == ["figures.csv", "power_share.png", "record.json"]
    assert folder.name == "europe-1914-seed1"
