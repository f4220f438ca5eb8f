"""The AI's explanations and the engine's refusals are sentences of the text catalog, said in any language."""

from __future__ import annotations

import ast
import pickle
import re
import string
from pathlib import Path

import pytest

from game.engine import observe, resolve_turn, validate
from game.engine.orders import Move
from game.engine.refusals import Refusal
from game.scenario import load_scenario
from game.session import Game, new_state
from game.text import catalog, describe
from game.text.say import render, say, spoken

ROOT = Path(__file__).resolve().parent.parent
CYRILLIC = re.compile("[а-яА-Я]")


def templates(lang: str, section: str) -> dict[str, str]:
    """Every template of a section, by its full key."""
    out: dict[str, str] = {}

    def walk(node: dict, prefix: str) -> None:
        for key, value in node.items():
            if isinstance(value, dict):
                walk(value, f"{prefix}.{key}")
            else:
                out[f"{prefix}.{key}"] = value

    walk(catalog(lang)[section], section)
    return out


def sample(template: str) -> dict[str, object]:
    """Fields for a template: a number for each (names print as well, and a format spec needs one)."""
    return {name: 2.25 for _, name, _, _ in string.Formatter().parse(template) if name}


def keys_in_code(folder: str, call: str) -> set[str]:
    """The literal first arguments of every `call(...)` in a folder's modules (f-strings by their fixed head)."""
    found = set()
    for path in (ROOT / folder).glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == call and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant):
                    found.add(first.value)
                elif isinstance(first, ast.JoinedStr) and isinstance(first.values[0], ast.Constant):
                    found.add(first.values[0].value + "*")
                elif isinstance(first, ast.IfExp):
                    found |= {b.value for b in (first.body, first.orelse) if isinstance(b, ast.Constant)}
    return found


@pytest.mark.parametrize("section", ["ai", "refusals"])
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_template_says_its_sample_in_each_language(section: str, lang: str) -> None:
    english = templates("en", section)
    assert set(templates(lang, section)) == set(english)
    for key, template in english.items():
        text = render(say(key, **sample(template)), lang)
        assert text and "{" not in text, key
        if lang == "ru":
            assert CYRILLIC.search(text) or key.endswith(("reason", "joined.against", "joined.dash")), key


def test_every_key_the_code_says_is_in_the_catalog() -> None:
    known = set(templates("en", "ai"))
    said = keys_in_code("ai", "say")
    assert len(said) > 40
    for key in said:
        if key.endswith("*"):
            assert any(k.startswith(key[:-1]) for k in known), key
        else:
            assert key in known, key
    refused = keys_in_code("game/engine", "Refusal")
    assert len(refused) > 40
    assert {f"refusals.{k}" for k in refused} <= set(templates("en", "refusals"))


def test_a_game_log_reads_in_russian_while_the_record_keeps_english() -> None:
    game = Game.new(load_scenario(str(ROOT / "maps/coalition-2003.yaml")), 2)
    decisions = [e for _ in range(3) for e in game.play_turn() if e.type == "decision"]
    assert len(decisions) > 30
    for event in decisions:
        assert not CYRILLIC.search(event.text)
        assert CYRILLIC.search(describe(event, "ru")), describe(event, "ru")
        assert describe(event, "en") == event.text


def test_a_refusal_is_english_text_that_can_say_itself_in_russian() -> None:
    state = new_state(load_scenario(str(ROOT / "maps/tutorial.yaml")), 1)
    me = next(iter(state.nations))
    source = next(p for p, stack in state.forces.items() if stack.get(me))
    far = next(p for p in state.provinces if p != source and p not in state.provinces[source].neighbours)
    _, rejected = validate(state, me, [Move(me, source, far, 1)])
    ((_, why),) = rejected
    assert isinstance(why, Refusal) and why.startswith(state.provinces[far].name)
    assert CYRILLIC.search(spoken(why, "ru"))
    assert pickle.loads(pickle.dumps(why)).sentence == why.sentence
    after, events = resolve_turn(state, {me: [Move(me, source, far, 1)]})
    (event,) = [e for e in events if e.type == "order_rejected"]
    assert event.data["why"] == str(why) and CYRILLIC.search(describe(event, "ru"))
    assert observe(after, me).turn == state.turn + 1


def test_the_interface_says_a_refusal_in_its_language() -> None:
    from game.ui import text

    why = Refusal("treasury")
    try:
        text.set_language("ru")
        assert "не хватает казны" in text.t("orders.refused", why=why)
    finally:
        text.set_language("en")
    assert "not enough treasury" in text.t("orders.refused", why=why)
