"""The game screen's frame time on the largest shipped map, while an AI turn computes in a worker thread."""

from __future__ import annotations

import math
import os
import statistics
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

FRAMES = 300
WARM_UP = 30
SIZE = (1280, 720)


@dataclass
class FrameTimes:
    map_name: str
    provinces: int
    frames: int
    median: float  # seconds
    p99: float
    ai_turns: int  # AI turns computed in the worker meanwhile


def largest_map(maps: list[Path]) -> Path:
    from game.scenario import load_scenario

    return max(maps, key=lambda p: len(load_scenario(p).provinces))


def measure(map_path: Path, frames: int = FRAMES) -> FrameTimes:
    """Frame times of the game screen at 1280x720 under the dummy drivers, the pointer moving over the board."""
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    from game.scenario import load_scenario
    from game.ui import ai_process, driver
    from game.ui.app import App
    from game.ui.game_screen import GameScreen
    from game.ui.settings import Settings
    from game.ui.turn_flow import start_game

    scenario = load_scenario(map_path)
    first = scenario.states[0].id
    controllers = {
        s.id: ("human" if s.id == first else "ai", s.personality, s.difficulty) for s in scenario.states
    }
    with tempfile.TemporaryDirectory() as folder:
        app = App(
            Settings(width=SIZE[0], height=SIZE[1], sound=False), settings_file=Path(folder) / "settings.json"
        )
        try:
            screen = app.push(GameScreen(app, start_game(scenario, 1, controllers)))
            driver.move_to(app, screen.map.rect.center)
            app.step(WARM_UP)
            screen.map.warming.join()  # the zoom levels, computed once in the background
            screen.flow.ai.wait()  # the AI's process has started and decided once
            stop, turns = threading.Event(), [0]

            def think() -> None:  # the game's own way: a worker thread waiting for the AI's process
                while not stop.is_set():
                    ai_process.decide(screen.flow.game)
                    turns[0] += 1

            worker = threading.Thread(target=think, daemon=True)
            worker.start()
            area = screen.map.rect
            times = []
            for i in range(frames):
                a = 2 * math.pi * i / frames
                pos = (
                    round(area.centerx + area.w * 0.4 * math.cos(a)),
                    round(area.centery + area.h * 0.4 * math.sin(3 * a)),
                )
                driver.mouse(pygame.MOUSEMOTION, pos, rel=(0, 0), buttons=(0, 0, 0))
                begin = time.perf_counter()
                app.frame(1 / 60)
                times.append(time.perf_counter() - begin)
                app.clock.tick(60)
            stop.set()
            worker.join()
        finally:
            app.close()
    times.sort()
    return FrameTimes(
        map_path.name,
        len(scenario.provinces),
        frames,
        statistics.median(times),
        times[min(len(times) - 1, math.ceil(0.99 * len(times)) - 1)],
        turns[0],
    )


def frame_table(maps: list[Path], frames: int = FRAMES) -> str:
    """The bench's frame-time table: one row for the largest shipped map."""
    r = measure(largest_map(maps), frames)
    head = f"{'map':<16}  provinces  frames  median ms  p99 ms  AI turns meanwhile"
    title = (
        f"Game screen: frame time at {SIZE[0]}x{SIZE[1]} (dummy video driver), pointer moving over the board, "
        "AI turns computing all along (in the AI process a worker thread waits for); targets: median < 8 ms, p99 < 16 ms"
    )
    row = f"{r.map_name:<16}  {r.provinces:>9}  {r.frames:>6}  {r.median * 1000:>9.2f}  {r.p99 * 1000:>6.2f}  {r.ai_turns:>18}"
    return "\n".join([title, head, "-" * len(head), row])
