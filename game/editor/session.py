"""An editing session: the document, its file, undo and redo, the loader's verdict, size limits and saving."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from game.editor.document import MapDocument, problems
from game.editor.edits import Edit, Refused
from game.jsonfile import reason, write_atomic
from game.scenario import ScenarioError, load_scenario
from game.scenario.errors import Problem
from game.scenario.yamlsafe import MAX_BYTES

UNTITLED = "untitled.yaml"
DRAFT = ".draft.yaml"


@dataclass
class Session:
    """One map being edited; every change goes through `apply` so it can be undone."""

    doc: MapDocument
    path: str | None = None
    undo_stack: list[str] = field(default_factory=list)
    redo_stack: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._refresh()
        self.saved_text = self.text  # what is on disk, or a new map not yet changed: nothing to lose

    @classmethod
    def open(cls, path: str) -> Session:
        """A session on a map file; OpenError when it cannot be read."""
        return cls(MapDocument.open(path), path)

    @classmethod
    def new(cls, title: str) -> Session:
        return cls(MapDocument.new(title))

    @property
    def name(self) -> str:
        """The file named in problem messages."""
        return self.path or UNTITLED

    @property
    def dirty(self) -> bool:
        return self.text != self.saved_text

    def _refresh(self, text: str | None = None) -> None:
        self.text = self.doc.text() if text is None else text
        self.problems: list[Problem] = problems(self.text, self.name)

    def apply(self, edit: Edit) -> str | None:
        """Make an edit (undoable); Refused leaves the map as it was."""
        before = self.text
        try:
            result = edit.apply(self.doc)
            text = self.doc.text()
            size = len(text.encode("utf-8"))
            if size > MAX_BYTES:
                raise Refused("too_big", size=f"{size:,}", limit=f"{MAX_BYTES:,}")
        except Refused:
            self.doc = MapDocument.parse(before, self.name)
            raise
        self.undo_stack.append(before)
        self.redo_stack.clear()
        self._refresh(text)
        return result

    def undo(self) -> bool:
        return self._swap(self.undo_stack, self.redo_stack)

    def redo(self) -> bool:
        return self._swap(self.redo_stack, self.undo_stack)

    def _swap(self, source: list[str], target: list[str]) -> bool:
        if not source:
            return False
        target.append(self.text)
        self.doc = MapDocument.parse(source.pop(), self.name)
        self._refresh()
        return True

    def save(self, path: str | None = None) -> str:
        """Write the map atomically to path (or its own file); refused while the loader finds problems."""
        target = path or self.path
        if target is None:
            raise Refused("no_path")
        if self.problems:
            raise Refused("cannot_save", count=len(self.problems))
        self._write(target)
        if target != self.path:
            self.path = target
            self._refresh(self.text)
        self.saved_text = self.text
        return target

    def save_draft(self) -> str:
        """Write the map, problems and all, beside its file as <name>.draft.yaml (never over a map that loads)."""
        base = self.path or UNTITLED
        stem = base[: -len(".yaml")] if base.endswith(".yaml") else base
        target = stem if stem.endswith(".draft") else stem + ".draft"
        target += ".yaml"
        if os.path.exists(target) and _loads(target):
            raise Refused("draft_over_map", path=target)
        self._write(target)
        return target

    def _write(self, target: str) -> None:
        if not target.endswith((".yaml", ".yml")):
            raise Refused("not_yaml")
        try:
            write_atomic(target, self.text)
        except OSError as exc:
            raise Refused("write_failed", path=target, reason=reason(exc)) from None


def _loads(path: str) -> bool:
    """Whether the map file at path loads."""
    try:
        load_scenario(path)
    except ScenarioError:
        return False
    return True
