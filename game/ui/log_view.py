"""The event log as text-box HTML: the newest turn first, each event with its explanation."""

from __future__ import annotations

from game.engine.state import GameState
from game.ui.text import t
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


def visible(line, viewer: str | None) -> bool:
    return line.type not in PRIVATE or viewer is None or viewer in line.actors


def log_html(flow, viewer: str | None, view: GameState) -> str:
    """The last turns' events the viewer may see."""
    lines = [line for line in flow.log if visible(line, viewer)]
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
            colour = COLOURS.get(line.type)
            out.append(f"<font color='{colour}'>{text}</font>" if colour else text)
    return "<br>".join(out)
