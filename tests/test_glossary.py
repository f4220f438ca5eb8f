"""Glossary cards: complete in both languages, and one for every concept the engine and the AI name."""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from game.text import glossary
from game.text.glossary import FALLBACK, FIELDS, LANGUAGES, LIST_FIELDS, TEXT_FIELDS, Card

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(ROOT.glob("game/engine/*.py")) + sorted(ROOT.glob("ai/*.py"))

# SPEC section 2: each concept of the table and each term listed after it, with the card that explains it.
SPEC_CONCEPTS = {
    "alliance = collective defense": "alliance",
    "alliance cohesion": "alliance_cohesion",
    "collective security organization": "collective_security",
    "hard balancing": "hard_balancing",
    "soft balancing": "soft_balancing",
    "balance of power": "balance_of_power",
    "balance of threat": "balance_of_threat",
    "benefits of membership": "benefits_of_membership",
    "the end of alliances": "end_of_alliances",
    "asymmetric alliance": "asymmetric_alliance",
    "informal obligations legitimize more": "informal_obligations",
    "legitimacy": "legitimacy",
    "hub-and-spokes hierarchy": "hub_and_spokes",
    "bandwagoning": "bandwagoning",
    "buck-passing": "buck_passing",
    "chain-ganging": "chain_ganging",
    "free-riding": "free_riding",
    "internal balancing": "internal_balancing",
    "external balancing": "internal_balancing",
    "polarity": "polarity",
    "security dilemma": "security_dilemma",
}


# ---------------------------------------------------------------------------------------------------
# The files


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_card_has_every_field(lang):
    entries = glossary.raw(lang)
    assert entries, f"{glossary.path(lang)} has no cards"
    for key, entry in entries.items():
        missing = [f for f in FIELDS if not entry.get(f)]
        assert not missing, f"{lang}: card '{key}' lacks {missing}"
        for f in TEXT_FIELDS:
            assert isinstance(entry[f], str) and entry[f].strip(), f"{lang}: '{key}'.{f} must be text"
        for f in LIST_FIELDS:
            assert isinstance(entry[f], list) and all(isinstance(x, str) and x for x in entry[f])
        assert entry["reading"], f"{lang}: card '{key}' cites nothing"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_definitions_are_two_or_three_sentences(lang):
    for key, entry in glossary.raw(lang).items():
        sentences = re.split(r"(?<=[.!?])\s+(?=[«\"“(]?[A-ZА-ЯЁ])", entry["definition"].strip())
        assert 2 <= len(sentences) <= 3, f"{lang}: '{key}' definition has {len(sentences)} sentences"


def test_both_languages_have_the_same_cards():
    english, russian = glossary.raw("en"), glossary.raw("ru")
    assert list(russian) == list(english), "ru.yaml must list the same card ids, in the same order"
    for key in english:
        for f in ("related", "aliases"):
            assert russian[key].get(f) == english[key].get(f), f"'{key}'.{f} differs between en and ru"


def test_related_cards_exist():
    for lang in LANGUAGES:
        ids = set(glossary.cards(lang))
        for c in glossary.cards(lang).values():
            assert c.related, f"card '{c.id}' relates to nothing"
            assert len(set(c.related)) == len(c.related), f"'{c.id}' lists a related card twice"
            assert c.id not in c.related, f"'{c.id}' relates to itself"
            assert set(c.related) <= ids, f"'{c.id}' relates to unknown cards {set(c.related) - ids}"


def test_aliases_are_not_card_ids():
    ids = set(glossary.cards())
    for c in glossary.cards().values():
        assert not set(c.aliases) & ids, f"an alias of '{c.id}' is itself a card id"


_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_LATIN = re.compile(r"[A-Za-z]")


def test_russian_text_is_russian():
    for key, entry in glossary.raw("ru").items():
        for f in TEXT_FIELDS:
            text = re.sub(r"\([A-Za-z][A-Za-z\- ]*\)", "", entry[f])  # "(chain-ganging)" may stay English
            cyrillic, latin = len(_CYRILLIC.findall(text)), len(_LATIN.findall(text))
            assert cyrillic >= 0.85 * (cyrillic + latin), f"ru: '{key}'.{f} is not mostly Cyrillic"


def test_english_text_has_no_cyrillic():
    for key, entry in glossary.raw("en").items():
        for f in TEXT_FIELDS + ("reading",):
            assert not _CYRILLIC.search(str(entry[f])), f"en: '{key}'.{f} contains Cyrillic"


def test_readings_keep_their_original_titles():
    english = glossary.raw("en")
    for key, entry in glossary.raw("ru").items():
        for cited in english[key]["reading"]:
            assert cited in entry["reading"], f"ru: '{key}' must cite {cited!r} as in the original"


def test_no_markup_in_card_text():
    for lang in LANGUAGES:
        for key, entry in glossary.raw(lang).items():
            for f in TEXT_FIELDS:
                assert not re.search(r"\*\*|`|</?[a-z]", entry[f]), f"{lang}: '{key}'.{f} has markup"


def test_files_load_safely():
    for lang in LANGUAGES:
        text = glossary.path(lang).read_text(encoding="utf-8")
        assert "!!python" not in text
        assert yaml.safe_load(text)["cards"] == glossary.raw(lang)


# ---------------------------------------------------------------------------------------------------
# Coverage: SPEC concepts, and every concept key of the engine and the AI


def test_every_spec_concept_has_a_card():
    missing = {name: key for name, key in SPEC_CONCEPTS.items() if glossary.card(key) is None}
    assert not missing, f"no glossary card for {missing}"
    assert glossary.card("external_balancing").id == "internal_balancing"


class ConceptScan:
    """Every concept key the source can attach to an event or an explanation, found statically.

    Sinks are the concept argument of `log(type, actors, concept)`, `reason(sit, concept, ...)` and
    `Event(turn, type, actors, data, concept)`, any `concept=` keyword or `"concept":` dict entry, and
    any assignment to a name containing "concept". Each sink expression is followed back to string
    literals: through conditionals, dict lookups (the dict's values), local and module assignments
    (with tuple unpacking), the returns of functions defined in the scanned files (picking the unpacked
    position), and a parameter's arguments at the function's call sites.
    """

    KEY = re.compile(r"[a-z]+(?:_[a-z]+)*\Z")

    def __init__(self, sources: dict[str, str]):
        self.functions: dict[str, list[ast.FunctionDef]] = defaultdict(list)
        self.module: dict[int, ast.Module] = {}
        self.scope: dict[int, ast.AST] = {}  # id(node) -> enclosing function (or module)
        self.file: dict[int, str] = {}
        self.calls: list[tuple[ast.Call, ast.AST]] = []
        self.sinks: list[tuple[ast.expr, ast.AST]] = []
        for name, text in sources.items():
            tree = ast.parse(text, filename=name)
            self._index(tree, tree, name)

    def _index(self, node: ast.AST, scope: ast.AST, name: str) -> None:
        for child in ast.iter_child_nodes(node):
            inner = scope
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.functions[child.name].append(child)
                inner = child
            self.scope[id(child)] = scope
            self.file[id(child)] = name
            self._sink(child, scope)
            self._index(child, inner, name)

    def _sink(self, node: ast.AST, scope: ast.AST) -> None:
        if isinstance(node, ast.Call):
            self.calls.append((node, scope))
            func = node.func
            callee = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            position = {"log": 2, "reason": 1, "Event": 4}.get(callee)
            if position is not None and len(node.args) > position:
                self.sinks.append((node.args[position], scope))
            self.sinks += [(k.value, scope) for k in node.keywords if k.arg == "concept"]
        elif isinstance(node, ast.Dict):
            for k, v in zip(node.keys, node.values, strict=True):
                if isinstance(k, ast.Constant) and k.value == "concept":
                    self.sinks.append((v, scope))
        elif isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            if any("concept" in n.lower() and not n.endswith("_TEXT") for n in names):
                self.sinks.append((node.value, scope))

    def keys(self) -> dict[str, list[str]]:
        """Each concept key found, with the places (file:line) of its literals."""
        found: dict[str, set[str]] = defaultdict(set)
        for expr, scope in self.sinks:
            for const in self._literals(expr, scope, (), set()):
                found[const.value].add(f"{self.file[id(const)]}:{const.lineno}")
        return {key: sorted(places) for key, places in found.items()}

    def _literals(self, node, scope, path: tuple, seen: set) -> list[ast.Constant]:
        mark = (id(node), path)
        if node is None or mark in seen or len(seen) > 5000:
            return []
        seen.add(mark)
        go = self._literals
        if isinstance(node, ast.Constant):
            ok = not path and isinstance(node.value, str) and self.KEY.match(node.value)
            return [node] if ok else []
        if isinstance(node, (ast.Tuple, ast.List)):
            if path and path[0] < len(node.elts):
                return go(node.elts[path[0]], scope, path[1:], seen)
            return []
        if isinstance(node, ast.IfExp):
            return go(node.body, scope, path, seen) + go(node.orelse, scope, path, seen)
        if isinstance(node, ast.BoolOp):
            return [c for v in node.values for c in go(v, scope, path, seen)]
        if isinstance(node, ast.Dict):
            return [c for v in node.values for c in go(v, scope, path, seen)] if not path else []
        if isinstance(node, ast.Subscript):
            return go(node.value, scope, path, seen)
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", None)
            out = []
            for fn in self.functions.get(name, []):
                for ret in self._returns(fn):
                    out += go(ret.value, fn, path, seen)
            return out
        if isinstance(node, ast.Name):
            return self._name(node.id, scope, path, seen)
        return []

    def _returns(self, fn) -> list[ast.Return]:
        return [n for n in ast.walk(fn) if isinstance(n, ast.Return) and self.scope.get(id(n)) is fn]

    def _name(self, name: str, scope, path: tuple, seen: set) -> list[ast.Constant]:
        out: list[ast.Constant] = []
        bound = False
        for node in ast.walk(scope):
            if not isinstance(node, ast.Assign) or self.scope.get(id(node)) is not scope:
                continue
            for target in node.targets:
                where = self._position(target, name)
                if where is not None:
                    bound = True
                    out += self._literals(node.value, scope, where + path, seen)
        if isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef)):
            params = [a.arg for a in scope.args.posonlyargs + scope.args.args]
            if name in params:
                bound = True
                out += self._arguments(scope, params, name, path, seen)
        if not bound and not isinstance(scope, ast.Module):
            module = scope
            while not isinstance(module, ast.Module):
                module = self.scope[id(module)]
            out += self._name(name, module, path, seen)
        return out

    def _position(self, target, name: str) -> tuple | None:
        """Where `name` sits in an assignment target: () for the whole value, (i, ...) inside tuples."""
        if isinstance(target, ast.Name):
            return () if target.id == name else None
        if isinstance(target, (ast.Tuple, ast.List)):
            for i, elt in enumerate(target.elts):
                inner = self._position(elt, name)
                if inner is not None:
                    return (i, *inner)
        return None

    def _arguments(self, fn, params: list[str], name: str, path: tuple, seen: set) -> list[ast.Constant]:
        index = params.index(name)
        out: list[ast.Constant] = []
        for call, caller in self.calls:
            func = call.func
            callee = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if callee != fn.name:
                continue
            shift = 1 if isinstance(func, ast.Attribute) and params[:1] == ["self"] else 0
            args = [a for a in call.args if not isinstance(a, ast.Starred)]
            if 0 <= index - shift < len(args):
                out += self._literals(args[index - shift], caller, path, seen)
            out += [
                c for k in call.keywords if k.arg == name for c in self._literals(k.value, caller, path, seen)
            ]
        return out


def scan_sources() -> dict[str, list[str]]:
    texts = {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in SOURCES}
    return ConceptScan(texts).keys()


def test_the_scan_follows_concepts_through_the_code():
    code = """
CONCEPT = {"condemn": "legitimacy", "sanction": "collective_security"}

def why(sit):
    if sit:
        return "a phrase", "hub_and_spokes", {}
    return "b", pick(sit), {}

def pick(sit):
    return "soft_balancing" if sit else "balance_of_power"

def motive(k):
    return "chain_ganging", "why"

def choose(sit):
    best = None
    for k in sit:
        m = motive(k)
        best = (1, k, m)
    ratio, target, (concept, phrase) = best
    return reason(sit, concept, phrase)

def decide(sit, kind):
    phrase, concept, nums = why(sit)
    turn.log("tabled", [], CONCEPT[kind])
    helper(sit, "free_riding")
    return reason(sit, concept, phrase)

def helper(sit, concept):
    return reason(sit, concept, "text")

class Turn:
    def log(self, type_, actors, concept="", **data):
        return Event(1, type_, actors, data, concept)

def engine(turn):
    turn.log("dissolved", [], "end_of_alliances", why="gone")
    label = "not_a_concept"
    return {"concept": "alliance", "text": label}
"""
    found = ConceptScan({"example.py": code}).keys()
    assert set(found) == {
        "legitimacy",
        "collective_security",
        "hub_and_spokes",
        "soft_balancing",
        "balance_of_power",
        "chain_ganging",
        "free_riding",
        "end_of_alliances",
        "alliance",
    }


def test_every_concept_key_in_the_source_has_a_card():
    found = scan_sources()
    assert len(found) >= 10, f"the scan found too few concept keys to be working: {sorted(found)}"
    missing = {key: places[:3] for key, places in found.items() if glossary.card(key) is None}
    assert not missing, f"concept keys without a glossary card (key: where): {missing}"


def test_every_ai_concept_name_and_personality_has_a_card():
    from game.text import catalog

    concept_names = catalog("en")["ai"]["concepts"]
    personalities = yaml.safe_load((ROOT / "ai/personalities.yaml").read_text(encoding="utf-8"))
    keys = set(concept_names) | {p["concept"] for p in personalities.values() if isinstance(p, dict)}
    missing = sorted(k for k in keys if glossary.card(k) is None)
    assert not missing, f"AI concepts without a glossary card: {missing}"


@pytest.mark.parametrize("name", ["tutorial", "world-today"])
def test_every_concept_in_a_played_game_has_a_card(name):
    from game.scenario import load_scenario
    from game.session import Game

    game = Game.new(load_scenario(str(ROOT / "maps" / f"{name}.yaml")), 1)
    seen: dict[str, str] = {}
    while not game.over and game.state.turn <= 12:
        for event in game.play_turn():
            if event.concept:
                seen.setdefault(event.concept, event.type)
    assert seen, "the game showed no concept at all"
    missing = {key: kind for key, kind in seen.items() if glossary.card(key) is None}
    assert not missing, f"events whose concept has no glossary card (concept: event type): {missing}"


# ---------------------------------------------------------------------------------------------------
# The loader


def test_cards_are_dataclasses_in_both_languages():
    english, russian = glossary.cards("en"), glossary.cards("ru")
    assert set(english) == set(russian)
    for key in english:
        assert isinstance(english[key], Card) and english[key].lang == "en"
        assert russian[key].lang == "ru" and russian[key].title != english[key].title
        assert russian[key].reading == english[key].reading


def test_card_resolves_aliases_and_spellings():
    assert glossary.card("collective_defense").id == "alliance"
    assert glossary.card("hierarchy", "ru").id == "hub_and_spokes"
    assert glossary.card("hierarchy", "ru").lang == "ru"
    assert glossary.card("Chain-ganging").id == "chain_ganging"
    assert glossary.card("free riding", "ru").title.startswith("Безбилетник")
    assert glossary.card("") is None and glossary.card(None) is None
    assert glossary.card("no_such_concept") is None


def test_card_falls_back_to_english():
    assert glossary.card("polarity", "de") == glossary.card("polarity", "en")
    assert glossary.cards("xx")["security_dilemma"].lang == FALLBACK
    english = {"a": _entry("A", ["b"]), "b": _entry("B", ["a"])}
    partial = {"a": {"title": "А", "definition": "Определение. Второе."}}
    built = glossary.build(partial, english, "ru")
    assert built["a"].lang == "ru" and built["a"].title == "А" and built["a"].question == "Why A?"
    assert built["b"].lang == "en" and built["b"].title == "B"


def test_cards_are_cached():
    assert glossary.cards("ru") is glossary.cards("ru")
    assert glossary.card("legitimacy", "ru") is glossary.cards("ru")["legitimacy"]


def test_a_broken_card_is_reported_with_its_file_and_id():
    english = {"a": {**_entry("A", []), "title": ""}}
    with pytest.raises(glossary.GlossaryError, match=r"en\.yaml: card 'a': 'title'"):
        glossary.build(english, english, "en")
    with pytest.raises(glossary.GlossaryError, match="'related' must be a list"):
        glossary.build({"a": {**_entry("A", []), "related": "b"}}, {}, "en")


def _entry(title: str, related: list[str]) -> dict:
    return {
        "title": title,
        "definition": f"{title} is a thing. It matters.",
        "in_game": "How it works.",
        "example": "When it happened.",
        "reading": ["Someone, A Book (1999)."],
        "related": related,
        "question": f"Why {title}?",
    }
