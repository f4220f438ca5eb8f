"""Why the engine refuses an order: English text that also knows how to say itself in another language.

The templates are text, not code: `game/text/en/refusals.yaml` (read once here) and its translations."""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

TEMPLATES = Path(__file__).resolve().parent.parent / "text" / "en" / "refusals.yaml"


@functools.cache
def _templates() -> dict[str, str]:
    return yaml.safe_load(TEMPLATES.read_text(encoding="utf-8"))["refusals"]


class Refusal(str):
    """The English reason an order may not be given; `sentence` names its template and fields."""

    sentence: dict

    def __new__(cls, key: str, **fields: object) -> Refusal:
        text = super().__new__(cls, _templates()[key].format(**fields))
        text.sentence = {"key": f"refusals.{key}", "fields": fields}
        return text

    def __reduce__(self):
        return _refusal, (self.sentence["key"].removeprefix("refusals."), self.sentence["fields"])


def _refusal(key: str, fields: dict) -> Refusal:
    return Refusal(key, **fields)
