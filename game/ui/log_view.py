"""The event log as text-box HTML: the newest turn first, each event with its explanation.

An event that shows a concept ends with a "Learn more" link to its glossary card (`card:<id>`)."""

from __future__ import annotations

from game.text.glossary import card
from game.ui.help_text import card_link
from game.ui.text import language, t
from game.ui.turn_flow import LogLine
from game.ui.widgets import escape

PRIVATE = {"proposed", "order_rejected", "order_void"}  # shown only to the states they name
TURNS_SHOWN = 2  # older turns are in the turn reports and the record
COLOURS = {
    "war_declared": "#A23B2A",
    "province_taken": "#A23B2A",
    "eliminated": "#A23B2A",
    "refused_call": "#A23B2A",
    "order_rejected": "#A23B2A",
    "decision": "#5A4A3A",
    "founded": "#2F5E8A",
    "joined": "#2F5E8A",
    "guaranteed": "#8A6410",
    "game_over": "#7A3E2B",
}


GROUPS = {  # a symbol before each event, by what it is about, so the log can be scanned at a glance
    "⚔": (
        "war_declared province_taken attack_repelled eliminated called_to_arms honoured_call refused_call "
        "peace war_ended operation_launched joined_operation operation_strike operation_ended capital_moved"
    ),
    "✉": (
        "proposed answered founded joined enlarged guaranteed left_cohesive_pact withdrew_guarantee "
        "member_left dissolved cohesion_low new_mission institution_founded institution_funded"
    ),
    "⚖": "tabled resolution vote_support coalition_support sanctions_bite polarity",
    "⚙": "developed built disbanded",
    "✎": "decision",
    "⚑": "scripted",
    "★": "hegemony game_over",
    "✗": "order_rejected order_void",
}
SYMBOL = {kind: symbol for symbol, kinds in GROUPS.items() for kind in kinds.split()}


def visible(line: LogLine, viewer: str | None) -> bool:
    return line.type not in PRIVATE or viewer is None or viewer in line.actors


def log_html(log: list[LogLine], viewer: str | None) -> str:
    """The last turns' events the viewer may see."""
    lines = [line for line in log if visible(line, viewer)]
    if not lines:
        return f"<i>{escape(t('log.empty'))}</i>"
    turns = sorted({line.turn for line in lines}, reverse=True)[:TURNS_SHOWN]
    out = []
    for turn in turns:
        out.append(f"<b>{escape(t('log.turn', turn=turn))}</b>")
        for line in (x for x in lines if x.turn == turn):
            text = escape(line.text)
            if line.type == "decision":
                text = f"<i>{text}</i>"
            text = f"{SYMBOL.get(line.type, '•')} {text}"
            colour = COLOURS.get(line.type)
            out.append(
                (f"<font color='{colour}'>{text}</font>" if colour else text) + learn_more(line.concept)
            )
    return "<br>".join(out)


def learn_more(concept: str) -> str:
    """' Learn more: <term>' as a link to the concept's card; '' for an event without a concept."""
    found = card(concept, language())
    return " " + card_link(found.id, t("log.learn_more", term=found.title)) if found else ""
