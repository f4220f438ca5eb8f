"""Scenarios: load and check a map file, and build a new game from it."""

from game.scenario.build import new_game
from game.scenario.errors import Problem, ScenarioError
from game.scenario.model import Scenario
from game.scenario.rules import default_rules, load_rule_defaults
from game.scenario.validate import load_scenario, parse_scenario, scenario_hash

__all__ = [
    "Problem",
    "Scenario",
    "ScenarioError",
    "default_rules",
    "load_rule_defaults",
    "load_scenario",
    "new_game",
    "parse_scenario",
    "scenario_hash",
]
