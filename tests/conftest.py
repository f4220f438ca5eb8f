"""Shared test set-up: headless SDL, run from the repository root."""

import os
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
ROOT = Path(__file__).resolve().parent.parent
os.chdir(ROOT)
SHOTS = ROOT / "docs" / "screenshots"


@pytest.fixture
def app(tmp_path, monkeypatch):
    """A silent app whose settings and saves live in a temporary folder."""
    from game.ui.app import App
    from game.ui.settings import Settings

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    application = App(Settings(sound=False), settings_file=tmp_path / "config" / "settings.json")
    yield application
    application.close()


def shoot(app, name: str) -> None:
    """Keep a screenshot of the window in docs/screenshots when UI_SCREENSHOTS is set."""
    if os.environ.get("UI_SCREENSHOTS"):
        SHOTS.mkdir(parents=True, exist_ok=True)
        app.screenshot(SHOTS / name)
