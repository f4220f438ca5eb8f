"""The map format as pydantic models: structure, types, defaults and field help."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StrictBool,
    StrictInt,
    StringConstraints,
    create_model,
)

from game.engine.state import OBJECTIVES
from game.scenario.rules import load_rule_defaults, rule_notes

FORMAT = 1
PERSONALITIES = (
    "balance_of_power",
    "balance_of_threat",
    "hegemon",
    "soft_balancer",
    "bandwagoner",
    "random",
)
DIFFICULTIES = ("easy", "normal", "hard")
CONTROLLERS = ("ai", "human")
EVENT_KINDS = (
    "production_shock",
    "regime_change",
    "values",
    "war",
    "add_state",
    "remove_state",
    "message",
)
DEFAULT_SIZE = [1000.0, 600.0]
DEFAULT_VALUES = [0.5, 0.5, 0.5]

STATE_ID = r"^[A-Za-z0-9_]+$"
PROVINCE_ID = r"^[A-Za-z0-9_-]+$"
COLOUR = r"^#[0-9A-Fa-f]{6}$"

StateId = Annotated[
    str,
    StringConstraints(pattern=STATE_ID),
    Field(description="A state id: letters, digits and underscores."),
]
ProvinceId = Annotated[
    str,
    StringConstraints(pattern=PROVINCE_ID),
    Field(description="A province id: letters, digits, underscores and hyphens."),
]
Colour = Annotated[
    str,
    StringConstraints(pattern=COLOUR),
    Field(description='A colour "#rrggbb" (quote it: an unquoted # starts a comment).'),
]
Text = Annotated[str, StringConstraints(min_length=1)]
Unit = Annotated[float, Field(ge=0, le=1)]
Values = Annotated[
    list[Unit],
    Field(
        min_length=3,
        max_length=3,
        description="Identity profile: three numbers in 0..1 (openness, market economy, "
        "tradition). Similar values make cohesive pacts.",
    ),
]
Position = Annotated[
    list[float],
    Field(min_length=2, max_length=2, description="x, y in map units, inside `size`."),
]
Link = Annotated[
    list[ProvinceId],
    Field(min_length=2, max_length=2, description="A pair of province ids: [a, b]."),
]
Objective = Literal["survive", "prosperity", "standing", "hegemony", "prevent_hegemony"]
Personality = Literal[
    "balance_of_power",
    "balance_of_threat",
    "hegemon",
    "soft_balancer",
    "bandwagoner",
    "random",
]

assert Objective.__args__ == OBJECTIVES, "the objectives drifted from the engine's"
assert Personality.__args__ == PERSONALITIES


class Spec(BaseModel):
    """The base of every part of a map: strict types, unknown keys refused."""

    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False)


class StateSpec(Spec):
    """A state (a country) of the map."""

    id: StateId = Field(description="Required. Unique; letters, digits, underscores.")
    name: Text = Field(description="Required. The state's name as players see it.")
    colour: Colour = Field(description='Required. The map colour, "#rrggbb" in quotes.')
    capital: ProvinceId | None = Field(
        None,
        description="A province the state owns. Default: its first province in file order.",
    )
    values: Values = Field(
        default_factory=lambda: list(DEFAULT_VALUES), json_schema_extra={"default": DEFAULT_VALUES}
    )
    treasury: float = Field(10.0, ge=0, description="Starting treasury, >= 0. Default 10.")
    development: float = Field(1.0, ge=0.1, le=5, description="Economic development, 0.1 .. 5. Default 1.0.")
    legitimacy: float | None = Field(
        None,
        ge=0,
        le=100,
        description="Starting legitimacy, 0 .. 100. "
        f"Default: the rule legitimacy_start ({load_rule_defaults()['legitimacy_start']:g}).",
    )
    objective: Objective = Field(
        "survive",
        description="survive | prosperity | standing | hegemony | prevent_hegemony. Default survive.",
    )
    controller: Literal["ai", "human"] = Field(
        "ai", description="ai | human: who plays this state. Default ai."
    )
    personality: Personality = Field(
        "balance_of_power",
        description="The AI's strategy: balance_of_power | balance_of_threat | hegemon | "
        "soft_balancer | bandwagoner | random. Default balance_of_power.",
    )
    difficulty: Literal["easy", "normal", "hard"] = Field(
        "normal", description="easy | normal | hard. Default normal."
    )
    forces: dict[ProvinceId, Annotated[StrictInt, Field(ge=1)]] = Field(
        default_factory=dict,
        description="Starting forces: province id -> strength (a whole number >= 1), "
        "in the state's own provinces. Default: none.",
    )


class ProvinceSpec(Spec):
    """A province: a place on the map owned by a state."""

    id: ProvinceId = Field(description="Required. Unique; letters, digits, underscores, hyphens.")
    name: Text | None = Field(None, description="Default: the id with its first letter upper-cased.")
    owner: StateId = Field(description="Required. The id of the state that owns it.")
    pos: Position = Field(description="Required. [x, y] in map units, inside `size`.")
    production: float = Field(1.0, gt=0, description="What the province produces each turn, > 0. Default 1.")


class PactSpec(Spec):
    """A collective defense pact: an attack on one member is an attack on all."""

    kind: Literal["pact"] = Field(description="pact")
    id: ProvinceId | None = Field(None, description="Default: pact plus a number.")
    name: Text | None = Field(None, description="Default: made from the members' names.")
    members: list[StateId] = Field(min_length=2, description="Required. At least 2 distinct state ids.")


class GuaranteeSpec(Spec):
    """A security guarantee: the patron promises to defend the client."""

    kind: Literal["guarantee"] = Field(description="guarantee")
    id: ProvinceId | None = Field(None, description="Default: guarantee plus a number.")
    name: Text | None = Field(None, description="Default: made from the states' names.")
    patron: StateId = Field(description="Required. The state that gives the guarantee.")
    client: StateId = Field(description="Required. The state that is protected; not the patron.")


class BlocSpec(Spec):
    """A soft-balancing bloc: trade, joint votes and an alternative institution."""

    kind: Literal["bloc"] = Field(description="bloc")
    id: ProvinceId | None = Field(None, description="Default: bloc plus a number.")
    name: Text | None = Field(None, description="Default: made from the members' names.")
    members: list[StateId] = Field(min_length=2, description="Required. At least 2 distinct state ids.")
    institution: StrictBool = Field(
        False, description="true: its alternative institution is already founded."
    )


Agreement = Annotated[PactSpec | GuaranteeSpec | BlocSpec, Field(discriminator="kind")]


class WarSpec(Spec):
    """A war already going on when the game starts."""

    attackers: list[StateId] = Field(min_length=1, description="Required. State ids.")
    defenders: list[StateId] = Field(min_length=1, description="Required. State ids.")


class AssemblySpec(Spec):
    """The UN-like Assembly and its Council."""

    enabled: StrictBool = Field(True, description="false: no Assembly. Default true.")
    veto_holders: list[StateId] = Field(
        default_factory=list,
        description="The Council's veto holders (state ids). Default: none, no Council.",
    )


class ShareCondition(Spec):
    """A state's share of all power passing a level: above it or below it."""

    state: StateId = Field(description="Required. The state whose power share is watched.")
    above: Unit | None = Field(None, description="Holds when its share is more than this, 0 .. 1.")
    below: Unit | None = Field(None, description="Holds when its share is less than this, 0 .. 1.")


class Condition(Spec):
    """When an event happens: the first turn at whose start every condition given holds."""

    eliminated: StateId | None = Field(None, description="Holds once this state has been eliminated.")
    power_share: ShareCondition | None = Field(
        None, description="Holds while a state's share of all power is above or below a level."
    )
    first_turn: StrictInt | None = Field(None, ge=1, description="Not before this turn. Default 1.")
    last_turn: StrictInt | None = Field(
        None, ge=1, description="Not after this turn: if the condition never held by then, it never happens."
    )


class EventSpec(Spec):
    """What every scripted event has."""

    turn: StrictInt | None = Field(
        None, ge=1, description="The turn it happens, >= 1. Give turn: or when:, one of them."
    )
    when: Condition | None = Field(
        None,
        description="Instead of turn: the conditions that make it happen, once: eliminated:, "
        "power_share:, and optionally first_turn: and last_turn:.",
    )
    text: str = Field("", description="A message shown to the players. Default none.")
    concept: str = Field(
        "",
        description="The glossary card the event shows (e.g. bandwagoning): its line in the log links "
        "to the card. Default none.",
    )


class ProductionShockEvent(EventSpec):
    """A shock to a state's production: it is multiplied by `factor`."""

    kind: Literal["production_shock"] = Field(description="production_shock")
    state: StateId = Field(description="Required. The state hit.")
    factor: float = Field(gt=0, description="Required. Production is multiplied by this, > 0.")


class RegimeChangeEvent(EventSpec):
    """A state's regime changes: new values, a new AI personality, or both."""

    kind: Literal["regime_change"] = Field(description="regime_change")
    state: StateId = Field(description="Required. The state that changes.")
    values: Values | None = Field(None, description="The new identity profile.")
    personality: Personality | None = Field(None, description="The new AI personality.")


class ValuesEvent(EventSpec):
    """A state's figures or values are set anew, without a change of regime."""

    kind: Literal["values"] = Field(description="values")
    state: StateId = Field(description="Required. The state that changes.")
    values: Values | None = Field(None, description="The new identity profile.")
    legitimacy: float | None = Field(None, ge=0, le=100, description="The new legitimacy, 0 .. 100.")
    treasury: float | None = Field(None, ge=0, description="The new treasury, >= 0.")
    development: float | None = Field(None, ge=0.1, le=5, description="The new development, 0.1 .. 5.")
    objective: Objective | None = Field(None, description="The new objective.")


class WarEvent(EventSpec):
    """A state declares war on another."""

    kind: Literal["war"] = Field(description="war")
    state: StateId = Field(description="Required. The attacker.")
    target: StateId = Field(description="Required. The state attacked.")


AddStateEvent: type[EventSpec] = create_model(
    "AddStateEvent",
    __base__=EventSpec,
    __doc__="A new state appears on provinces taken from whoever holds them; the AI plays it.",
    kind=(Literal["add_state"], Field(description="add_state")),
    state=(StateId, Field(description="Required. The new state's id, used by no other state.")),
    provinces=(
        list[ProvinceId],
        Field(min_length=1, description="Required. Its provinces, taken from whoever holds them then."),
    ),
    **{
        name: (info.annotation, info)
        for name, info in StateSpec.model_fields.items()
        if name not in ("id", "controller")
    },
)


class RemoveStateEvent(EventSpec):
    """A state leaves the board: its heir takes its provinces, the forces in them and its treasury."""

    kind: Literal["remove_state"] = Field(description="remove_state")
    state: StateId = Field(description="Required. The state that ends.")
    heir: StateId = Field(
        description="Required. The state that takes its land; nothing happens if it is gone."
    )


class MessageEvent(EventSpec):
    """A message to the players, nothing else."""

    kind: Literal["message"] = Field(description="message")
    text: Text = Field(description="Required. The message.")


Event = Annotated[
    ProductionShockEvent
    | RegimeChangeEvent
    | ValuesEvent
    | WarEvent
    | AddStateEvent  # type: ignore[valid-type]
    | RemoveStateEvent
    | MessageEvent,
    Field(discriminator="kind"),
]
EVENT_MODELS: dict[str, type[EventSpec]] = {
    "production_shock": ProductionShockEvent,
    "regime_change": RegimeChangeEvent,
    "values": ValuesEvent,
    "war": WarEvent,
    "add_state": AddStateEvent,
    "remove_state": RemoveStateEvent,
    "message": MessageEvent,
}
assert tuple(EVENT_MODELS) == EVENT_KINDS
AGREEMENT_MODELS: dict[str, type[Spec]] = {
    "pact": PactSpec,
    "guarantee": GuaranteeSpec,
    "bloc": BlocSpec,
}


def _rule_field(name: str, default: Any) -> tuple[Any, Any]:
    """The type and field of one rule override, as its default in rules.yaml has it."""
    kind: Any = {bool: StrictBool, int: StrictInt, float: float}[type(default)]
    note = rule_notes().get(name, "").strip(". ") or "A rule constant (see game/data/rules.yaml)"
    shown = str(default).lower() if kind is StrictBool else default
    help_ = f"{note[:1].upper()}{note[1:]}. Default: {shown}."
    limits: dict[str, Any] = {}
    if kind is not StrictBool:
        limits["ge"] = 1 if name == "turn_limit" else 0
    extra = {"default": default}
    return kind, Field(None, description=help_, json_schema_extra=extra, **limits)


RuleOverrides: type[Spec] = create_model(
    "RuleOverrides",
    __base__=Spec,
    __doc__="Overrides of rule constants by name; see game/data/rules.yaml.",
    **{name: _rule_field(name, value) for name, value in load_rule_defaults().items()},
)


class Scenario(Spec):
    """A Balancing Act map: one scenario in one YAML file."""

    model_config = ConfigDict(title="Balancing Act map")

    format: Literal[1] = Field(1, description="The format version. Default 1, the only one.")
    id: ProvinceId | None = Field(
        None, description="The scenario's id. Default: the file name without .yaml."
    )
    title: Text = Field(description="Required. The scenario's title.")
    briefing: str = Field("", description="Plain text shown before the game. Default empty.")
    author: str = Field("", description="Who made the map. Default empty.")
    year: StrictInt | None = Field(None, description="The year of turn 1. Default none.")
    sources: list[str] = Field(
        default_factory=list,
        description="Where the figures come from (expected for historical maps).",
    )
    size: list[Annotated[float, Field(gt=0)]] = Field(
        default_factory=lambda: list(DEFAULT_SIZE),
        json_schema_extra={"default": DEFAULT_SIZE},
        min_length=2,
        max_length=2,
        description="The map's width and height in map units. Default [1000, 600].",
    )
    states: list[StateSpec] = Field(min_length=2, description="Required. The states, at least 2.")
    provinces: list[ProvinceSpec] = Field(min_length=2, description="Required. The provinces, at least 2.")
    links: list[Link] = Field(default_factory=list, description="Land links: pairs of province ids.")
    sea_links: list[Link] = Field(default_factory=list, description="Sea links: pairs of province ids.")
    agreements: list[Agreement] = Field(
        default_factory=list,
        description="Starting agreements: pacts, guarantees and blocs. Default none.",
    )
    wars: list[WarSpec] = Field(default_factory=list, description="Wars going on at the start. Default none.")
    assembly: AssemblySpec = Field(
        default_factory=AssemblySpec,
        description="The Assembly and its Council. Default: enabled, no Council.",
    )
    rules: RuleOverrides = Field(  # type: ignore[valid-type]
        default_factory=RuleOverrides,
        description="Overrides of rule constants by name (game/data/rules.yaml).",
    )
    events: list[Event] = Field(default_factory=list, description="Scripted events. Default none.")

    _file: str = PrivateAttr("")
    _sha256: str = PrivateAttr("")

    @property
    def file(self) -> str:
        """The path the map was loaded from ("" when it was not loaded from a file)."""
        return self._file

    @property
    def sha256(self) -> str:
        """The SHA-256 of the map file's bytes, in hex, so records can name the map."""
        return self._sha256


ITEM_MODELS: dict[str, Any] = {
    "states": StateSpec,
    "provinces": ProvinceSpec,
    "links": Link,
    "sea_links": Link,
    "agreements": Agreement,
    "wars": WarSpec,
    "events": Event,
}
