"""One game played at one machine: whose turn it is to give orders, their orders, the AI's, the resolution.

No pygame here: the game screen shows this and forwards the player's actions to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from game.engine import Event, GameState, Order, check, observe
from game.engine.orders import Budget, Plan, record
from game.record import Orders, Record, scenario_meta
from game.scenario import Scenario
from game.session import Game, ai_player, new_state
from game.text import FALLBACK, describe
from game.ui import ai_process
from game.ui.text import language, t
from game.ui.worker import Worker


@dataclass
class Seat:
    """A state played by a person at this machine: it decides nothing by itself."""

    nation: str

    def decide(self, view: GameState) -> list[Order]:
        return []


def humans_of(state: GameState) -> list[str]:
    return [n for n, x in state.nations.items() if x.controller.kind == "human"]


def player_factory(state: GameState, nation: str):
    """Seats for the humans, the session's AI players for everyone else."""
    return Seat(nation) if state.nations[nation].controller.kind == "human" else ai_player(state, nation)


def start_game(
    scenario: Scenario,
    seed: int,
    controllers: dict[str, tuple[str, str, str]],
    teams: dict[str, dict] | None = None,
) -> Game:
    """A new game with each state's controller set: (kind, personality, difficulty) by state id.

    `teams`: the record's teams of the states played in class (state id -> name and members)."""
    state = new_state(scenario, seed)
    for nation, (kind, personality, difficulty) in controllers.items():
        c = state.nations[nation].controller
        c.kind, c.personality, c.difficulty = kind, personality, difficulty
    record = Record.begin(state, scenario_meta(scenario))
    record.teams = dict(teams or {})
    return Game.resume(state, record, player_factory)


@dataclass
class LogLine:
    """One event of the log; shown in the interface's language, told afresh from its data."""

    turn: int
    type: str
    english: str  # the text the record keeps (the record is the same whatever the interface's language)
    actors: list[str]
    concept: str
    data: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        if language() == FALLBACK:
            return self.english
        return describe(Event(self.turn, self.type, self.actors, self.data, self.concept), language())


@dataclass
class TurnFlow:
    """The turn in progress: the humans give orders one after another, the AI decides in the background.

    The AI starts deciding as the turn begins, in a worker thread that hands the work to the AI's process.
    """

    game: Game
    orders: dict[str, list[Order]] = field(default_factory=dict)
    seat: int = 0  # index into the living humans: who gives orders now
    ai: Worker[Orders] | None = None
    log: list[LogLine] = field(default_factory=list)
    ai_error: str = ""  # why the AI could not decide the last turn resolved, if it could not
    saving: Worker[None] | None = None  # the autosave being written in the background

    def __post_init__(self) -> None:
        self.log += record_log(self.game.record.turns)
        self.begin_turn()

    @property
    def state(self) -> GameState:
        return self.game.state

    @property
    def humans(self) -> list[str]:
        return [n for n in humans_of(self.state) if self.state.nations[n].alive]

    @property
    def current(self) -> str | None:
        """The human giving orders now (None when no human is left to, or in an all-AI game)."""
        return self.humans[self.seat] if self.seat < len(self.humans) else None

    @property
    def thinking(self) -> bool:
        return self.ai is not None and not self.ai.done

    def begin_turn(self) -> None:
        """A new turn: no orders yet, the first human's seat, the AI starts deciding at once."""
        self.orders = {n: [] for n in self.humans}
        self.seat = 0
        self.ai = None if self.state.over else Worker(lambda: ai_process.decide(self.game))

    def view(self) -> GameState:
        """What the current human may see (everything, in an all-AI game)."""
        return observe(self.state, self.current) if self.current else self.state

    def plan(self, nation: str) -> Plan:
        plan = Plan()
        for order in self.orders.get(nation, []):
            record(plan, order)
        return plan

    def give(self, order: Order) -> str | None:
        """Add an order of the current human; returns the engine's reason when it is illegal (not added)."""
        if order.actor != self.current:
            return t("orders.not_your_turn")
        reason = check(self.state, order, self.plan(order.actor))
        if reason is None:
            self.orders[order.actor].append(order)
        return reason

    def set_budget(self, order: Budget) -> str | None:
        """Give the turn's budget, replacing the one given before."""
        mine = self.orders.get(order.actor, [])
        kept = [o for o in mine if not isinstance(o, Budget)]
        old, self.orders[order.actor] = mine, kept
        reason = self.give(order)
        if reason:
            self.orders[order.actor] = old
        return reason

    def take_back(self) -> Order | None:
        """Take back the current human's last order (until the turn resolves)."""
        mine = self.orders.get(self.current or "", [])
        return mine.pop() if mine else None

    def next_seat(self) -> bool:
        """The current human is done; True when every human has given orders."""
        self.seat += 1
        return self.current is None

    def resolve(self) -> list[Event]:
        """Resolve the turn with the humans' orders and the AI's (waits for the AI if it is still deciding)."""
        self._finish_saving()
        try:
            decided, self.ai_error = (self.ai.result() if self.ai else {}), ""
        except Exception as exc:  # a failing AI must not end the game: its states give no orders this turn
            decided, self.ai_error = {}, f"{type(exc).__name__}: {exc}"
        humans = set(self.humans)
        orders = {n: o for n, o in decided.items() if n not in humans}
        orders.update({n: list(o) for n, o in self.orders.items() if o})
        turn = self.state.turn
        events = self.game.resolve(orders)
        self.log += [LogLine(turn, e.type, e.text, list(e.actors), e.concept, e.data) for e in events]
        self.begin_turn()
        return events

    def save(self, path: Path) -> None:
        self._finish_saving()
        path.parent.mkdir(parents=True, exist_ok=True)
        self.game.save(path)

    def autosave(self, path: Path) -> None:
        """Save in a background thread; the game does not change until the next resolution, which waits for it."""
        self._finish_saving()

        def write() -> None:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.game.save(path)

        self.saving = Worker(write)

    def save_failure(self) -> str:
        """Why the background save failed, once it has finished ("" when it worked or is still writing)."""
        if self.saving is None or not self.saving.done:
            return ""
        error, self.saving = self.saving.error, None
        return str(error) if error else ""

    def _finish_saving(self) -> None:
        if self.saving is not None:
            self.saving.wait()


def _line(turn: int, entry: dict) -> LogLine:
    concept, data = entry.get("concept", ""), entry.get("data", {})
    return LogLine(turn, entry["type"], entry["text"], list(entry["actors"]), concept, data)


def record_log(turns: list[dict]) -> list[LogLine]:
    """The log of a record's turns, event by event."""
    return [_line(entry["turn"], e) for entry in turns for e in entry["events"]]
