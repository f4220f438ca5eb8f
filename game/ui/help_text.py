"""The help screen's text: the rules in short (game/text/rules_<lang>.yaml), the glossary and its cards.

A card is opened by a text-box link whose target is `card:<id>` (``card_link``); the log's "Learn more"
and the glossary's terms are such links."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

from game.text.glossary import Card, card, cards
from game.ui.text import language, t
from game.ui.widgets import escape

TEXT = Path(__file__).resolve().parents[1] / "text"
ITEM = re.compile(r"^(- |\d+\. )")
BOLD = re.compile(r"\*\*(.+?)\*\*")
LINK = "card:"  # a link's target: card:<id>
RULES_LINK = "rules"  # the link back from a card to the rules in short


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


def term(concept: str) -> str:
    """The glossary's name of a concept ('' when it has none)."""
    found = card(concept, language())
    return found.title if found else ""


def card_link(concept: str | None, text: str) -> str:
    """`text` as a link that opens the card of `concept`; '' when no card explains it."""
    found = card(concept, language())
    return f"<a href='{LINK}{found.id}'>{escape(text)}</a>" if found else ""


def linked_card(target: str) -> str | None:
    """The id of the card a link target opens (None for other links)."""
    found = card(target[len(LINK) :], language()) if target.startswith(LINK) else None
    return found.id if found else None


def glossary_html() -> str:
    """Every card's term, a link to the card, with its definition; in alphabetical order."""
    rows = sorted(cards(language()).values(), key=lambda c: c.title.lower())
    return "<br>".join(f"<b>{card_link(c.id, c.title)}</b>: {escape(c.definition)}" for c in rows)


def card_html(key: str) -> str:
    """One card in full: definition, how it works in the game, a historical example, reading, related."""
    c: Card = card(key, language())
    parts = [f"<b>{escape(c.title)}</b>", escape(c.definition)]
    for heading, text in (("help.in_game", c.in_game), ("help.example", c.example)):
        parts.append(f"<b>{escape(t(heading))}</b><br>{escape(text)}")
    readings = "<br>".join(f"• {escape(r)}" for r in c.reading)
    parts.append(f"<b>{escape(t('help.reading'))}</b><br>{readings}")
    parts.append(f"<b>{escape(t('help.question'))}</b><br><i>{escape(c.question)}</i>")
    related = ", ".join(card_link(r, card(r, language()).title) for r in c.related)
    parts.append(f"<b>{escape(t('help.related'))}</b> {related}")
    return "<br><br>".join(parts)
