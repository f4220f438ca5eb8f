"""Classroom teams: the fields setup shows for each state played in person, and a team in words."""

from __future__ import annotations

from dataclasses import dataclass

import pygame
import pygame_gui
from pygame_gui.elements import UITextEntryLine

from game.ui.text import t

NAME_LIMIT, MEMBERS_LIMIT = 40, 120  # characters


@dataclass
class Typed:
    """What was typed for one state's team: its name and its members, separated by commas."""

    name: str
    members: str = ""


def members_of(text: str) -> list[str]:
    return [m.strip() for m in text.split(",") if m.strip()]


def team_line(teams: dict[str, dict], nation: str | None) -> str:
    """'Team Varonia: Anna, Boris', or the team's name alone ("" when the state has no team)."""
    team = teams.get(nation or "")
    if not team:
        return ""
    if not team["members"]:
        return team["name"]
    return t("classroom.team_members", team=team["name"], members=", ".join(team["members"]))


class TeamForm:
    """The team fields of setup, one line per state played in person; what was typed outlives a rebuild."""

    def __init__(self) -> None:
        self.typed: dict[str, Typed] = {}
        self.entries: dict[UITextEntryLine, tuple[str, str]] = {}  # field -> (state id, "name" or "members")

    def build(
        self, manager: pygame_gui.UIManager, container, rect: pygame.Rect, nation: str, state_name: str
    ) -> None:
        """A team name (a default until changed) and the members' names, side by side in rect."""
        typed = self.typed.setdefault(nation, Typed(t("classroom.team_default", state=state_name)))
        split, gap = rect.w * 9 // 20, rect.h // 4
        parts = (
            ("name", pygame.Rect(rect.x, rect.y, split - gap, rect.h), NAME_LIMIT, "classroom.team_hint"),
            (
                "members",
                pygame.Rect(rect.x + split, rect.y, rect.w - split, rect.h),
                MEMBERS_LIMIT,
                "classroom.members_hint",
            ),
        )
        for part, place, limit, hint in parts:
            entry = UITextEntryLine(place, manager, container=container, placeholder_text=t(hint))
            entry.set_text_length_limit(limit)
            entry.set_text(getattr(typed, part))
            self.entries[entry] = (nation, part)

    def forget_fields(self) -> None:
        """The fields are about to be built again (what was typed stays)."""
        self.entries = {}

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED and event.ui_element in self.entries:
            nation, part = self.entries[event.ui_element]
            setattr(self.typed[nation], part, event.text)
            return True
        return False

    def teams(self, humans: dict[str, str]) -> dict[str, dict]:
        """The record's teams (state id -> name, members) of the states played in person, by state name.

        In hot-seat every such state has a team; a player alone has one only if a name or members were typed.
        """
        chosen = {}
        for nation, state_name in humans.items():
            default = t("classroom.team_default", state=state_name)
            typed = self.typed.get(nation, Typed(default))
            name, members = typed.name.strip() or default, members_of(typed.members)
            if len(humans) > 1 or name != default or members:
                chosen[nation] = {"name": name, "members": members}
        return chosen
