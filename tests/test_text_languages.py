"""English and Russian text: the same keys and placeholders everywhere, every glossary card in both, the
rules in short with the same numbers, no words written into the screens' code, records the same in any
interface language."""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from game.engine.events import Event
from game.scenario import load_scenario
from game.session import Game
from game.text import FALLBACK, LANGUAGES, catalog, describe, fill, plural
from game.text.glossary import FIELDS, raw
from game.ui import text as ui_text
from game.ui.text import set_language, t

TEXT = Path("game/text")
UI = Path("game/ui")
OTHERS = [lang for lang in LANGUAGES if lang != FALLBACK]


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    set_language(FALLBACK)


def files(lang: str) -> list[Path]:
    """A language's text files: `<lang>.yaml` and its area files `<lang>/*.yaml`."""
    return [TEXT / f"{lang}.yaml", *sorted((TEXT / lang).glob("*.yaml"))]


def areas() -> list[tuple[Path, Path]]:
    """Each English area file with the file of the same area in every other language."""
    return [(en, TEXT / lang / en.name) for en in files(FALLBACK)[1:] for lang in OTHERS]


def read(path: Path) -> object:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


def leaves(node: object, where: str = "") -> Iterator[tuple[str, object]]:
    """Every text of a catalog with its dotted key (list items numbered)."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from leaves(value, f"{where}.{key}" if where else str(key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from leaves(value, f"{where}[{i}]")
    else:
        yield where, node


def fields(template: object) -> set[str]:
    """The placeholders a template fills (a plural form's spec aside)."""
    if not isinstance(template, str):
        return set()
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def plural_specs(template: object) -> list[str]:
    if not isinstance(template, str):
        return []
    return [spec for _, name, spec, _ in string.Formatter().parse(template) if spec and "|" in spec]


def keys(lang: str) -> dict[str, tuple[object, Path]]:
    """Every text of a language by its dotted key, with the file it comes from."""
    return {key: (value, path) for path in files(lang) for key, value in leaves(read(path))}


@pytest.mark.parametrize("english, other", areas(), ids=str)
def test_every_area_has_its_file_in_every_language(english: Path, other: Path):
    assert other.is_file(), f"{other} is missing: translate {english}"


@pytest.mark.parametrize("lang", OTHERS)
def test_every_key_is_in_both_languages_with_the_same_placeholders(lang: str):
    ours, theirs = keys(FALLBACK), keys(lang)
    missing = [f"{k} (from {ours[k][1]})" for k in ours if k not in theirs]
    assert not missing, f"{lang} lacks {len(missing)} keys:\n" + "\n".join(missing)
    extra = [f"{k} (in {theirs[k][1]})" for k in theirs if k not in ours]
    assert not extra, f"{lang} has keys English lacks:\n" + "\n".join(extra)
    different = [
        f"{k}: {ours[k][0]!r} / {theirs[k][0]!r}" for k in ours if fields(ours[k][0]) != fields(theirs[k][0])
    ]
    assert not different, "placeholders differ:\n" + "\n".join(different)
    empty = [k for k, (v, _) in theirs.items() if v == "" and ours[k][0] != ""]
    assert not empty, f"{lang} leaves these empty: {empty}"


@pytest.mark.parametrize("lang", OTHERS)
def test_a_choice_by_field_chooses_by_the_same_field(lang: str):
    english, other = catalog(FALLBACK)["events"], catalog(lang)["events"]
    for kind, template in english.items():
        if isinstance(template, dict):
            assert other[kind]["by"] == template["by"], kind


def test_plural_forms_follow_the_language():
    assert [plural("en", n) for n in (0, 1, 2, 11, 21)] == [1, 0, 1, 1, 1]
    assert [plural("ru", n) for n in (1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111)] == [
        0, 1, 1, 2, 2, 2, 2, 0, 1, 2, 0, 2,
    ]  # fmt: skip
    forms = "{n} {n:ход|хода|ходов}"
    assert [fill(forms, "ru", {"n": n}) for n in (1, 3, 12, 21)] == ["1 ход", "3 хода", "12 ходов", "21 ход"]
    assert fill("{n} {n:turn|turns}", "en", {"n": 1}) == "1 turn"
    assert fill("{x:.1f}", "ru", {"x": 2.25}) == "2.2"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_plural_forms_have_as_many_forms_as_the_language(lang: str):
    needed = 2 if lang == "en" else 3
    for key, template in leaves(catalog(lang)):
        for spec in plural_specs(template):
            assert spec.count("|") == needed - 1, f"{lang}: {key}: {spec}"


def test_every_glossary_card_is_in_both_languages_in_full():
    english = raw(FALLBACK)
    for lang in OTHERS:
        cards = raw(lang)
        assert sorted(set(english) - set(cards)) == [], f"glossary/{lang}.yaml lacks these cards"
        for key, card in cards.items():
            assert [f for f in FIELDS if not card.get(f)] == [], f"glossary/{lang}.yaml: card {key} lacks"


@pytest.mark.parametrize("lang", OTHERS)
def test_the_rules_in_short_give_the_same_numbers_and_as_many_bold_phrases(lang: str):
    english, other = read(TEXT / "rules_en.yaml"), read(TEXT / f"rules_{lang}.yaml")
    numbers = re.compile(r"\d+(?:\.\d+)?")
    assert sorted(numbers.findall(other["body"])) == sorted(numbers.findall(english["body"]))
    assert other["body"].count("**") == english["body"].count("**")
    assert other["title"] != english["title"]


def event_data(template: str) -> dict:
    """Sample data for every placeholder of a template: names as names, figures as numbers."""
    return {name: (f"<{name}>" if name.endswith(("_name", "name")) else 3) for name in fields(template)}


def variants(template: object) -> dict[str, str]:
    """A template's choices by the value of its `by` field ({'': template} when it has no choice)."""
    if isinstance(template, dict):
        return {k: v for k, v in template.items() if k != "by"}
    return {"": template}


@pytest.mark.parametrize("lang", OTHERS)
def test_every_event_is_told_in_the_language(lang: str):
    english = catalog(FALLBACK)["events"]
    for kind, template in english.items():
        by = template["by"] if isinstance(template, dict) else "by"
        for value, text in variants(template).items():
            data = {"kind": "pact", **event_data(text), by: value}
            event = Event(1, kind, ["A"], data)
            told = describe(event, lang)
            assert told and "{" not in told, (kind, value, told)
            assert told != describe(event, FALLBACK) or not words(text), (kind, value, told)
            assert "<actor_name>" in told or "actor_name" not in text, (kind, told)


def test_an_unknown_key_in_a_language_falls_back_to_english_with_english_plurals(monkeypatch):
    set_language("ru")
    assert t("menu.quit") == "Выход"
    monkeypatch.setitem(catalog("ru")["ui"], "menu", {})
    assert t("menu.quit") == "Quit"
    set_language(FALLBACK)
    assert ui_text.language() == FALLBACK and t("menu.quit") == "Quit"


# Literals that may stand in a call that shows text without being words: pygame anchor names, theme ids
# ("@heading", "#confirm"), file suffixes, and the pieces of f-strings that build a catalog key
# ("settings." + key + "_note"). Anything else with a letter in it must be a catalog key.
ANCHORS = {
    "topleft",
    "topright",
    "bottomleft",
    "bottomright",
    "midleft",
    "midright",
    "midtop",
    "midbottom",
    "center",
}
KEY_PIECE = re.compile(r"[a-z0-9_]*(\.[a-z0-9_]*)+|_[a-z0-9_]+")
SUFFIX = re.compile(r"\.[a-z]+")
TEXT_CALLS = {
    "label", "button", "text_box", "set_text", "draw_text", "text_surface", "render", "say", "card_heading",
    "UILabel", "UIButton", "UITextBox", "UIWindow", "UIDropDownMenu", "UIFileDialog", "UIConfirmationDialog",
    "UITextEntryLine", "UISelectionList", "set_display_title", "append_html_text", "set_tooltip",
}  # fmt: skip
LOOKUPS = {"t", "entry"}  # the catalog's look-ups, called by their plain names


def constants(node: ast.AST, in_fstring: bool = False) -> Iterator[tuple[str, int, bool]]:
    """The string literals of an expression that end up on screen: not subscripts, comparisons or format
    specs; (text, line, whether it is a piece of an f-string)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value, node.lineno, in_fstring
    elif isinstance(node, ast.JoinedStr):
        for part in node.values:
            yield from constants(part.value if isinstance(part, ast.FormattedValue) else part, True)
    elif isinstance(node, ast.Subscript):
        yield from constants(node.value, in_fstring)
    elif isinstance(node, ast.Call):
        return  # a nested call's result is judged where that call is made
    elif not isinstance(node, ast.Compare):
        for child in ast.iter_child_nodes(node):
            yield from constants(child, in_fstring)


def calls(tree: ast.AST, names: set[str]) -> Iterator[tuple[str, ast.Call]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in names:
                yield name, node


def words(text: str, piece: bool = False) -> bool:
    """Whether a literal holds a word (HTML tags, placeholders and entities aside; in a piece of an
    f-string, also a tag the piece opens or closes)."""
    markup = r"<[^>]*>|\{[^}]*\}|&\w+;" + (r"|<[^>]*$|^[^<]*>" if piece else "")
    return bool(re.search(r"[^\W\d_]", re.sub(markup, "", text)))


def hard_coded(path: Path) -> list[str]:
    found = []
    for name, call in calls(ast.parse(path.read_text(encoding="utf-8")), TEXT_CALLS):
        for arg in [*call.args, *(k.value for k in call.keywords)]:
            for text, line, piece in constants(arg):
                allowed = text in ANCHORS or text[:1] in "@#" or SUFFIX.fullmatch(text) or ui_text.has(text)
                if words(text, piece) and not allowed and not (piece and KEY_PIECE.fullmatch(text)):
                    found.append(f"{path}:{line}: {name}(... {text!r} ...)")
    return found


def test_screens_write_no_words_of_their_own():
    found = [hit for path in sorted(UI.glob("*.py")) for hit in hard_coded(path)]
    assert not found, "text written into screens instead of the catalog:\n" + "\n".join(found)


def test_the_scan_finds_words_written_into_a_screen(tmp_path: Path):
    screen = tmp_path / "bad_screen.py"
    screen.write_text(
        "widgets.label(m, r, rect, 'Start the game', '@small')\n"
        "paint.draw_text(s, f'Turn {n}', (0, 0), 12, anchor='topright')\n"
        "box.set_text(t('menu.quit') + ' × 2')\n"
        "box.set_text(f\"<font color='{c}'>{t('menu.quit')}</font> Quit\")\n"
    )
    assert [hit.split(": ", 1)[1] for hit in hard_coded(screen)] == [
        "label(... 'Start the game' ...)",
        "draw_text(... 'Turn ' ...)",
        "set_text(... '</font> Quit' ...)",
    ]


def test_every_key_the_screens_look_up_is_in_every_language():
    missing = []
    for path in sorted(UI.glob("*.py")):
        for _, call in calls(ast.parse(path.read_text(encoding="utf-8")), LOOKUPS):
            key = call.args[0] if call.args else None
            if (
                isinstance(call.func, ast.Name)
                and isinstance(key, ast.Constant)
                and isinstance(key.value, str)
            ):
                for lang in LANGUAGES:
                    node = catalog(lang).get("ui", {})
                    for part in key.value.split("."):
                        node = node.get(part) if isinstance(node, dict) else None
                    if node is None:
                        missing.append(f"{path}:{call.lineno}: {key.value} ({lang})")
    assert not missing, "keys looked up but not in the catalog:\n" + "\n".join(missing)


def test_a_record_is_the_same_whatever_the_interface_language():
    scenario = load_scenario("maps/tutorial.yaml")
    records = []
    for lang in LANGUAGES:
        set_language(lang)
        game = Game.new(scenario, 7)
        for _ in range(2):
            game.play_turn()
        records.append(game.record.dumps())
    assert records[0] == records[1]
    assert '"text": "' in records[0] and not re.search("[А-яЁё]", records[0])  # English texts only
