"""The help screen's text: the rules in short (game/text/rules_<lang>.yaml) and the glossary cards."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

from game.text.glossary import card, cards
from game.ui.text import language
from game.ui.widgets import escape

TEXT = Path(__file__).resolve().parents[1] / "text"
ITEM = re.compile(r"^(- |\d+\. )")
BOLD = re.compile(r"\*\*(.+?)\*\*")


@functools.cache
def rules(lang: str) -> dict[str, str]:
    """The rules in short: {'title': ..., 'body': ...}, in English when the language has none."""
    path = TEXT / f"rules_{lang}.yaml"
    if not path.exists():
        path = TEXT / "rules_en.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def markdown_html(text: str) -> str:
    """Markdown-lite (paragraphs, **bold**, '- ' and '1. ' items) as a pygame-gui text box's HTML."""
    paragraphs = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines: list[str] = []
        for raw in block.splitlines():
            line = raw.strip()
            if ITEM.match(line) or not lines:
                lines.append(line)
            else:
                lines[-1] += " " + line
        items = [("• " + x[2:]) if x.startswith("- ") else x for x in lines]
        paragraphs.append("<br>".join(BOLD.sub(r"<b>\1</b>", escape(x)) for x in items))
    return "<br><br>".join(paragraphs)


def rules_html() -> str:
    r = rules(language())
    return f"<b>{escape(r['title'])}</b><br><br>{markdown_html(r['body'])}"


def glossary() -> dict[str, dict[str, str]]:
    """The glossary cards by concept key (aliases included), each as its term and definition."""
    lang = language()
    entries = {}
    for key, found in cards(lang).items():
        for name in (key, *found.aliases):
            entries[name] = {"term": found.title, "short": found.definition}
    return entries


def term(concept: str) -> str:
    """The glossary's name of a concept ('' when it has none)."""
    found = card(concept, language())
    return found.title if found else ""
