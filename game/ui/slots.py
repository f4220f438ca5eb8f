"""Save slots: the autosave, numbered slots and any other save in the saves folder, with what each holds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from game.saves import SaveError, load_game

AUTOSAVE = "autosave"
NUMBERED = 6


@dataclass
class Slot:
    """One place a game is saved: its file and, when filled, the map, turn and time of the save."""

    name: str  # "autosave", "slot-1" ... or another save's file name without .json
    path: Path
    title: str = ""
    turn: int = 0
    year: int | None = None
    saved: datetime | None = None
    problem: str = ""  # why the save cannot be opened ("" when it can)

    @property
    def empty(self) -> bool:
        return self.saved is None

    @property
    def autosave(self) -> bool:
        return self.name == AUTOSAVE

    @property
    def number(self) -> int | None:
        """The slot's number for a numbered slot, else None."""
        head, _, tail = self.name.partition("-")
        return int(tail) if head == "slot" and tail.isdigit() else None


def slot_names() -> list[str]:
    return [AUTOSAVE] + [f"slot-{i}" for i in range(1, NUMBERED + 1)]


def read_slot(name: str, path: Path) -> Slot:
    """What a slot holds; a save that cannot be opened keeps its reason."""
    slot = Slot(name, path)
    try:
        slot.saved = datetime.fromtimestamp(path.stat().st_mtime)
    except OSError:
        return slot
    try:
        state, record = load_game(path)
    except SaveError as exc:
        slot.problem = str(exc)
        return slot
    slot.title, slot.turn = state.title, state.turn
    year = record.scenario.get("year")
    slot.year = year + state.turn - 1 if isinstance(year, int) else None
    return slot


def list_slots(folder: Path) -> list[Slot]:
    """The autosave and numbered slots (filled or not), then the folder's other saves, newest first."""
    fixed = slot_names()
    try:
        others = [p for p in folder.glob("*.json") if p.is_file() and p.stem not in fixed]
    except OSError:
        others = []
    others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    return [read_slot(n, folder / f"{n}.json") for n in fixed] + [read_slot(p.stem, p) for p in others]


def delete_slot(slot: Slot) -> None:
    slot.path.unlink(missing_ok=True)
