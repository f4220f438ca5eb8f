"""maps/schema.json: up to date, draft 7, and in agreement with the loader."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from test_scenario_bad_maps import BAD_MAPS, MEANING, MIXED, STRUCTURE, TABLE

from game.scenario import ScenarioError, load_rule_defaults, load_scenario
from game.scenario.schema import SCHEMA_PATH, scenario_schema, schema_text

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = Path(__file__).resolve().parent / "maps" / "minimal.yaml"
GOOD_MAPS = [*sorted((ROOT / "maps").glob("*.yaml")), MINIMAL]


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft7Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def _errors(validator: jsonschema.Draft7Validator, path: Path) -> list[str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]


def _walk(node: Any, in_properties: bool = False):
    """Every schema node, with whether it is a property's schema."""
    if isinstance(node, dict):
        yield node, in_properties
        for key, value in node.items():
            if key == "properties":
                for sub in value.values():
                    yield from _walk(sub, True)
            else:
                yield from _walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item)


def test_committed_schema_is_up_to_date() -> None:
    assert SCHEMA_PATH == ROOT / "maps" / "schema.json"
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text(), (
        "maps/schema.json is stale: run python -m game.scenario.schema"
    )


def test_schema_is_plain_draft_7() -> None:
    schema = scenario_schema()
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(schema)
    text = json.dumps(schema)
    for keyword in ("prefixItems", "$defs", "discriminator", "patternProperties"):
        assert keyword not in text
    for node, _ in _walk(schema):
        assert "$ref" not in node or len(node) == 1, node  # draft 7 ignores $ref's siblings


def test_every_property_has_help_for_the_editor() -> None:
    for node, _ in _walk(scenario_schema()):
        for name, sub in node.get("properties", {}).items():
            assert sub.get("description"), name


def test_positions_are_plain_arrays_of_two_numbers() -> None:
    pos = scenario_schema()["definitions"]["ProvinceSpec"]["properties"]["pos"]
    assert pos["type"] == "array" and pos["items"] == {"type": "number"}
    assert pos["minItems"] == pos["maxItems"] == 2


def test_rule_overrides_are_the_rules_of_rules_yaml() -> None:
    rules = scenario_schema()["definitions"]["RuleOverrides"]
    assert rules["additionalProperties"] is False
    assert list(rules["properties"]) == list(load_rule_defaults())
    kinds = {bool: "boolean", int: "integer", float: "number"}
    for name, default in load_rule_defaults().items():
        assert rules["properties"][name]["type"] == kinds[type(default)], name
        assert rules["properties"][name]["default"] == default


@pytest.mark.parametrize("path", GOOD_MAPS, ids=lambda p: p.name)
def test_good_maps_pass_the_schema_and_the_loader(validator: jsonschema.Draft7Validator, path: Path) -> None:
    assert _errors(validator, path) == []
    load_scenario(path)


def test_good_maps_start_with_the_schema_line() -> None:
    for path in GOOD_MAPS:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("$schema=", 1)[1].strip()).resolve()
        assert target == SCHEMA_PATH, path


@pytest.mark.parametrize("name", sorted(n for n, (kind, _) in TABLE.items() if kind in (STRUCTURE, MIXED)))
def test_schema_rejects_what_the_loader_finds_malformed(
    validator: jsonschema.Draft7Validator, name: str
) -> None:
    path = BAD_MAPS / f"{name}.yaml"
    with pytest.raises(ScenarioError):
        load_scenario(path)
    assert _errors(validator, path), f"the schema accepts {name}"


@pytest.mark.parametrize("name", sorted(n for n, (kind, _) in TABLE.items() if kind == MEANING))
def test_schema_accepts_what_only_the_meaning_checks_catch(
    validator: jsonschema.Draft7Validator, name: str
) -> None:
    path = BAD_MAPS / f"{name}.yaml"
    with pytest.raises(ScenarioError):
        load_scenario(path)
    assert _errors(validator, path) == []
