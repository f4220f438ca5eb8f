"""A map as a round-trip YAML tree (ruamel.yaml): comments, key order and quoting survive an edit."""

from __future__ import annotations

import hashlib
import io
from collections import Counter
from typing import Any

from ruamel.yaml import YAML, YAMLError
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.tokens import CommentToken

from game.scenario.errors import Problem, ScenarioError
from game.scenario.validate import parse_scenario
from game.scenario.yamlsafe import YamlError, decode, parse, read_bytes

NEW_MAP = """\
# yaml-language-server: $schema=schema.json
title: {title}
size: [1000, 600]
states: []
provinces: []
links: []
sea_links: []
agreements: []
"""


class OpenError(Exception):
    """A file the editor cannot open: the loader's message for what stops it being read."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def _yaml() -> YAML:
    """The round-trip reader and writer, set to write maps the way the shipped ones are written."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


class MapDocument:
    """The tree of one map file; `text()` writes it back with its comments in place."""

    def __init__(self, tree: CommentedMap) -> None:
        self.tree = tree

    @classmethod
    def parse(cls, text: str, name: str = "<map>") -> MapDocument:
        """The document of a map's text; OpenError when the safe reader refuses the text."""
        try:
            safe = parse(text, hashlib.sha256(text.encode("utf-8")).hexdigest())
        except YamlError as exc:
            raise OpenError(Problem(name, exc.mark.line, exc.mark.column, exc.message, exc.hint)) from None
        for path, mark, first in safe.duplicates:  # which of the two the game uses would change on saving
            message = f"key {path[-1]!r} appears twice (first on line {first.line})"
            raise OpenError(
                Problem(name, mark.line, mark.column, message, "keep one of them, then open the map again")
            )
        try:
            tree = _yaml().load(text)
        except YAMLError as exc:
            raise OpenError(
                Problem(
                    name,
                    1,
                    1,
                    f"the editor cannot read this file ({exc})",
                    "check it with python main.py validate",
                )
            ) from None
        if not isinstance(tree, CommentedMap):
            hint = "start with keys such as title:, states: and provinces: (see docs/MAPS.md)"
            raise OpenError(Problem(name, 1, 1, "the map is not a mapping of keys", hint))
        _restore_lost_comments(tree, text, _dump(tree))
        return cls(tree)

    @classmethod
    def open(cls, path: str) -> MapDocument:
        """The document of a map file (size, encoding and safety checked as the game checks them)."""
        try:
            text = decode(read_bytes(path))
        except YamlError as exc:
            raise OpenError(Problem(path, exc.mark.line, exc.mark.column, exc.message, exc.hint)) from None
        return cls.parse(text, path)

    @classmethod
    def new(cls, title: str) -> MapDocument:
        """An empty map with a title and the default board size."""
        yaml = _yaml()
        tree = yaml.load(NEW_MAP.format(title=title))
        for key in ("size",):
            tree[key].fa.set_flow_style()
        return cls(tree)

    def text(self) -> str:
        return _dump(self.tree)

    # reading parts of the tree
    def section(self, key: str) -> CommentedSeq:
        """A top-level list (states, provinces, links...), created empty when missing."""
        value = self.tree.get(key)
        if not isinstance(value, list):
            value = CommentedSeq()
            if key in ("links", "sea_links", "agreements"):
                value.fa.set_flow_style()
            self.tree[key] = value
        return value

    def items(self, key: str) -> list[Any]:
        """The entries of a top-level list, or [] when it is missing or not a list."""
        value = self.tree.get(key)
        return list(value) if isinstance(value, list) else []

    def entry(self, key: str, ident: str) -> CommentedMap | None:
        """The mapping under a top-level list with this id."""
        return next((e for e in self.items(key) if isinstance(e, dict) and e.get("id") == ident), None)

    def ids(self, key: str) -> list[str]:
        return [e["id"] for e in self.items(key) if isinstance(e, dict) and isinstance(e.get("id"), str)]


def problems(text: str, name: str) -> list[Problem]:
    """What the game's loader says about a map's text, as the command line prints it ([] when it loads)."""
    try:
        parse_scenario(text, name)
    except ScenarioError as exc:
        return exc.problems
    return []


def _dump(tree: Any) -> str:
    out = io.StringIO()
    _yaml().dump(tree, out)
    return out.getvalue()


def _comment_lines(text: str) -> Counter[str]:
    return Counter(line.strip() for line in text.splitlines() if line.strip().startswith("#"))


def _restore_lost_comments(tree: CommentedMap, original: str, dumped: str) -> None:
    """Put back whole-line comments ruamel drops before a list item that has an end-of-line comment."""
    lost = _comment_lines(original) - _comment_lines(dumped)
    if not lost:
        return
    lines = original.splitlines()
    starts: dict[int, tuple[CommentedSeq, int]] = {}
    for number, place in _item_lines(tree):
        starts.setdefault(number, place)  # the outermost item starting on a line
    pending: list[CommentToken] = []
    for number, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("#") and lost[stripped] > 0:
            column = len(line) - len(line.lstrip())
            pending.append(CommentToken(stripped + "\n", CommentMark(column)))
            lost[stripped] -= 1
        elif stripped and not stripped.startswith("#") and pending:
            if number in starts:
                seq, index = starts[number]
                slot = seq.ca.items.setdefault(index, [None, None, None, None])
                slot[1] = pending + (slot[1] or [])
            pending = []


def _item_lines(node: Any) -> list[tuple[int, tuple[CommentedSeq, int]]]:
    """(line, (list, index)) of every list item in the tree, by the line it starts on."""
    out: list[tuple[int, tuple[CommentedSeq, int]]] = []
    if isinstance(node, CommentedSeq):
        for index, child in enumerate(node):
            out.append((node.lc.item(index)[0], (node, index)))
            out += _item_lines(child)
    elif isinstance(node, CommentedMap):
        for child in node.values():
            out += _item_lines(child)
    return out
