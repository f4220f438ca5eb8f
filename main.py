"""Balancing Act command line: play (the default), edit, validate, simulate, replay, bench, tournament."""

from __future__ import annotations

import argparse
import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path

from ai.bench import generated_map
from ai.bench import rows as ai_rows
from ai.experiment_report import write_report
from ai.player import DIFFICULTIES
from ai.tournament import report, run, setups, write_csv
from game.bench import REPEATS, engine_row, table
from game.jsonfile import reason
from game.record import RecordError, first_difference, read_record, write_record
from game.replay import find_map, replay
from game.saves import SaveError
from game.scenario import ScenarioError, load_scenario
from game.scenario.model import PERSONALITIES
from game.session import Game, new_state
from game.summary import final_text, turn_text

ROOT = Path(__file__).resolve().parent
MAPS = ROOT / "maps"
DEFAULT_MAP = MAPS / "tutorial.yaml"
BENCH_TURNS = 10
GENERATED_STATES = 200
AI_BENCH_TURNS = 3
AI_REPEATS = 3
MAX_SEED = 2**63 - 1


class Parser(argparse.ArgumentParser):
    """argparse that reports a bad argument on one line and exits 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message} (see: {self.prog} --help)\n")


def number(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from low to high."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is out of range ({low} to {high})")
        return value

    return parse


def build_parser() -> Parser:
    parser = Parser(
        prog="main.py",
        description="Balancing Act: a turn-based strategy game about alliances. "
        "Without a command, plays a game (see: main.py play --help).",
    )
    parser.set_defaults(run=run_play, map=None, seed=None, load=None)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    play = commands.add_parser("play", help="play a game (the default command)", description=PLAY_HELP)
    play.add_argument("--map", metavar="FILE", help="open the new-game setup with this map chosen")
    play.add_argument(
        "--seed", type=number(0, MAX_SEED), metavar="S", help="the seed (default: a random one)"
    )
    play.add_argument("--load", metavar="SAVE", help="continue a saved game instead")
    play.set_defaults(run=run_play)

    edit = commands.add_parser(
        "edit",
        help="open the map editor",
        description="Open the game window on the map editor, with FILE (a map) or a new empty map. "
        "A FILE that cannot be read prints why and exits 1.",
    )
    edit.add_argument("file", nargs="?", metavar="FILE", help="the map to edit (default: a new map)")
    edit.set_defaults(run=run_edit)

    validate = commands.add_parser(
        "validate",
        help="check map files",
        description="Check map files; prints 'ok: FILE' for each valid one, else every problem "
        "as FILE:LINE:COLUMN: problem — fix. Exits 1 when any file has a problem.",
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help="a map file (.yaml)")
    validate.set_defaults(run=run_validate)

    simulate = commands.add_parser(
        "simulate",
        help="play an all-AI game headless",
        description="Play a game with the AI running every state, printing a summary of each turn.",
    )
    simulate.add_argument("--map", metavar="FILE", help="the map (or --load a save)")
    simulate.add_argument(
        "--turns", type=number(1, 10_000), metavar="N", help="turns to play (default: to the end)"
    )
    simulate.add_argument(
        "--seed", type=number(0, MAX_SEED), default=1, metavar="S", help="the seed (default: 1)"
    )
    simulate.add_argument("--record", metavar="OUT.json", help="write the game record here")
    simulate.add_argument("--save", metavar="OUT.json", help="save the game here at the end")
    simulate.add_argument("--load", metavar="SAVE", help="continue a saved game instead of starting one")
    simulate.set_defaults(run=run_simulate)

    replay = commands.add_parser(
        "replay",
        help="watch a game record turn by turn, or check it",
        description="Open the game window on a game record, to step through it turn by turn with the "
        "map, the log and the theory lens as they were. With --check, replay it headless from its map, "
        "seed and orders and report whether it reproduces byte for byte (exits 1 when it does not).",
    )
    replay.add_argument("record", metavar="RECORD.json", help="a game record (simulate --record)")
    replay.add_argument("--map", metavar="FILE", help="the map (default: the one in maps/ the record names)")
    replay.add_argument(
        "--check", action="store_true", help="check that the record reproduces, without opening a window"
    )
    replay.set_defaults(run=run_replay)

    bench = commands.add_parser(
        "bench",
        help="time the engine on every shipped map",
        description="For each map in maps/, the median time the engine takes to resolve one full "
        "turn of a realistic game (the AI's order choice excluded), and turns per second; the AI's "
        "decision time; and the game screen's frame time on the largest map while the AI thinks.",
    )
    bench.add_argument(
        "--turns",
        type=number(1, 1000),
        default=BENCH_TURNS,
        metavar="N",
        help="turns of a game to time on each map (default: %(default)s)",
    )
    bench.add_argument(
        "--generated",
        type=number(0, 1000),
        default=GENERATED_STATES,
        metavar="N",
        help="states of the generated map the AI is also timed on (default: %(default)s; 0: none)",
    )
    bench.add_argument(
        "--frames",
        type=number(0, 100_000),
        default=300,
        metavar="N",
        help="frames of the game screen to time on the largest map (default: %(default)s; 0: none)",
    )
    bench.set_defaults(run=run_bench)

    tournament = commands.add_parser(
        "tournament",
        help="play many AI-only games and tabulate them",
        description="Play AI-only games on each map for seeds 1..N in parallel processes, print win "
        "rates by personality, difficulty and state, small states' survival, agreements and game length, "
        "and optionally write one CSV row per state and game. Every state is played by the AI: by the "
        "personality and difficulty its map gives it, or rotated over the lists given here.",
    )
    tournament.add_argument("--maps", nargs="+", required=True, metavar="FILE", help="map files (.yaml)")
    tournament.add_argument(
        "--seeds",
        type=number(1, 100_000),
        default=20,
        metavar="N",
        help="games per map (default: %(default)s)",
    )
    tournament.add_argument(
        "--personalities", nargs="+", choices=PERSONALITIES, metavar="P", help="personalities to rotate over"
    )
    tournament.add_argument(
        "--difficulties", nargs="+", choices=DIFFICULTIES, metavar="D", help="difficulties to rotate over"
    )
    tournament.add_argument(
        "--focal",
        nargs="+",
        choices=DIFFICULTIES,
        metavar="D",
        help="paired games: each seed is played once per difficulty listed, by one state in turn",
    )
    tournament.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="STATE=P[:D]",
        help="fix one state's personality (and difficulty), e.g. VAR=hegemon:hard; repeatable",
    )
    tournament.add_argument(
        "--jobs",
        type=number(1, 256),
        default=os.cpu_count() or 1,
        metavar="J",
        help="processes (default: %(default)s)",
    )
    tournament.add_argument("--csv", metavar="OUT.csv", help="write one row per state and game here")
    tournament.add_argument(
        "--report",
        metavar="DIR",
        help="write report.md with SVG charts here: outcomes per personality, how often each pair of states "
        "ended allied",
    )
    tournament.set_defaults(run=run_tournament)
    return parser


PLAY_HELP = (
    "Open the game window on the main menu (the default map is maps/tutorial.yaml). With --map, "
    "the new-game setup opens with that map chosen (and --seed as its seed); with --load, the saved game."
)


def run_play(args: argparse.Namespace) -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.ui.run import play  # pygame is imported only on this path

    return play(args.map, args.seed, args.load)


def run_edit(args: argparse.Namespace) -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.ui.editor_screen import launch_editor  # pygame is imported only on this path

    return launch_editor(args.file)


def run_simulate(args: argparse.Namespace) -> int:
    if bool(args.map) == bool(args.load):
        raise Usage("simulate needs --map FILE or --load SAVE (one of them)")
    return play_out(args.map, args.seed, args.load, args.turns, args.record, args.save)


def play_out(
    map_path: str | None,
    seed: int,
    load: str | None,
    turns: int | None,
    record_path: str | None = None,
    save_path: str | None = None,
) -> int:
    """Play a new or loaded game with the AI for `turns` turns (None: to the end), printing each turn."""
    if load:
        game = Game.load(load)
        print(f"Continuing {game.state.title} from {load} at turn {game.state.turn}, seed {game.state.seed}.")
    else:
        game = Game.new(load_scenario(map_path), seed)
        print(f"{game.state.title} ({map_path}), seed {seed}, {game.state.rules.turn_limit} turns at most.")
    names = {n: nation.name for n, nation in game.state.nations.items()}
    played = 0
    while not game.over and (turns is None or played < turns):
        game.play_turn()
        played += 1
        print(turn_text(game.record, len(game.record.turns) - 1, names))
    if game.over and not played:
        print("This game is already over.")
    print(final_text(game.record, names))
    if record_path:
        write_record(record_path, game.record)
        print(f"Record written to {record_path}.")
    if save_path:
        game.save(save_path)
        print(f"Game saved to {save_path}.")
    return 0


def run_validate(args: argparse.Namespace) -> int:
    failed = False
    for path in args.files:
        try:
            load_scenario(path)
        except ScenarioError as exc:
            failed = True
            print("\n".join(exc.lines()))
        else:
            print(f"ok: {path}")
    return 1 if failed else 0


def run_replay(args: argparse.Namespace) -> int:
    record, text = read_record(args.record)
    map_path = args.map or find_map(record, MAPS)
    if not args.check:
        os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
        from game.ui.replay_screen import watch  # pygame is imported only on this path

        return watch(record, map_path)
    _, fresh = replay(record, map_path)
    standing = "winner" if fresh.finished else "leading"
    outcome = f"{len(fresh.turns)} turns on {map_path}, {standing} {fresh.winner}"
    if fresh.dumps() == text:
        print(f"ok: {args.record} reproduces byte for byte ({outcome}).")
        return 0
    where = first_difference(record, fresh) or "the layout of the file (the contents are equal)"
    print(f"{args.record} does NOT reproduce: the replay first differs at {where} ({outcome}).")
    return 1


def run_bench(args: argparse.Namespace) -> int:
    maps = sorted(MAPS.glob("*.yaml"))
    if not maps:
        print(f"error: no maps in {MAPS}", file=sys.stderr)
        return 1
    rows = [engine_row(path, args.turns) for path in maps]
    title = (
        f"Engine: time to resolve one full turn (orders chosen beforehand by the AI; "
        f"{args.turns} turns of a game x {REPEATS} runs, after a warm-up)"
    )
    print(table(title, rows))
    shipped = {path.name: functools.partial(new_state, load_scenario(path), 1) for path in maps}
    if args.generated:
        shipped[f"generated-{args.generated}"] = functools.partial(generated_map, args.generated)
    ai_turns = min(args.turns, AI_BENCH_TURNS)
    title = (
        f"AI: time for all AI states of a map to observe the state and decide one turn ("
        f"{ai_turns} turns of a game x {AI_REPEATS} runs)"
    )
    print()
    print(table(title, ai_rows(shipped, ai_turns, AI_REPEATS)))
    if args.frames:
        from game.ui.frame_bench import frame_table  # pygame only on this path

        print()
        print(frame_table(maps, args.frames))
    return 0


def run_tournament(args: argparse.Namespace) -> int:
    fixed = {}
    for item in args.set:
        state, _, choice = item.partition("=")
        personality, _, difficulty = choice.partition(":")
        if not state or personality not in PERSONALITIES or difficulty not in ("", *DIFFICULTIES):
            raise Usage(f"--set {item!r}: write STATE=PERSONALITY or STATE=PERSONALITY:DIFFICULTY")
        fixed[state] = (personality, difficulty or None)
    known = {s.id for path in args.maps for s in load_scenario(path).states}
    unknown = sorted(set(fixed) - known)
    if unknown:
        raise Usage(f"--set names states that are on none of the maps: {', '.join(unknown)}")
    plan = setups(args.maps, args.seeds, args.personalities, args.difficulties, fixed, args.focal)
    games = run(plan, args.jobs)
    print(report(games))
    if args.csv:
        write_csv(args.csv, games)
        print(f"CSV written to {args.csv}.")
    if args.report:
        names = ", ".join(Path(m).name for m in args.maps)
        path = write_report(args.report, games, f"Tournament: {names}, seeds 1 to {args.seeds}")
        print(f"Report written to {path}.")
    return 0


class Usage(Exception):
    """A command given with arguments that do not fit together."""


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except Usage as exc:
        parser.error(str(exc))
    except ScenarioError as exc:
        print("\n".join(exc.lines()), file=sys.stderr)
    except (RecordError, SaveError) as exc:
        print(f"error: {exc}", file=sys.stderr)
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"error: {where}{reason(exc)}", file=sys.stderr)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    return 1


if __name__ == "__main__":
    sys.exit(main())
