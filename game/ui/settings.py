"""Player settings, kept as JSON in the user's configuration folder; recreated when missing or damaged."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from game.jsonfile import dumps, write_atomic
from game.text import LANGUAGES

APP_FOLDER = "balancing-act"
FILE_NAME = "settings.json"
UI_SCALES = (0.8, 0.9, 1.0, 1.1, 1.25, 1.5)
WINDOW_SIZES = ((1280, 720), (1366, 768), (1600, 900), (1920, 1080))
MIN_SIZE = (960, 600)


@dataclass
class Settings:
    width: int = 1280
    height: int = 720
    fullscreen: bool = False
    ui_scale: float = 1.0
    colour_blind: bool = False
    sound: bool = True
    language: str = "en"
    tutorial_offered: bool = False  # the first start suggests the tutorial once

    def checked(self) -> Settings:
        """The same settings with every value brought into its allowed range."""
        self.width = max(MIN_SIZE[0], min(7680, int(self.width)))
        self.height = max(MIN_SIZE[1], min(4320, int(self.height)))
        self.ui_scale = min(UI_SCALES, key=lambda s: abs(s - float(self.ui_scale)))
        self.fullscreen, self.colour_blind, self.sound = (
            self.fullscreen is True,
            self.colour_blind is True,
            self.sound is not False,
        )
        self.language = self.language if self.language in LANGUAGES else "en"
        self.tutorial_offered = self.tutorial_offered is True
        return self


def config_dir() -> Path:
    """The user's configuration folder for the game, by the platform's convention."""
    if sys.platform == "win32" and os.environ.get("APPDATA"):
        return Path(os.environ["APPDATA"]) / "BalancingAct"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "BalancingAct"
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / APP_FOLDER


def settings_path() -> Path:
    return config_dir() / FILE_NAME


def load_settings(path: Path | None = None) -> Settings:
    """The saved settings; defaults (written back) when the file is missing or damaged."""
    path = path or settings_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        known = {f.name for f in fields(Settings)}
        settings = Settings(**{k: v for k, v in data.items() if k in known}).checked()
    except (OSError, ValueError, TypeError, AttributeError):
        settings = Settings()
        save_settings(settings, path)
    return settings


def save_settings(settings: Settings, path: Path | None = None) -> bool:
    """Write the settings atomically, creating the folder; False when the disk refuses."""
    path = path or settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, dumps(asdict(settings)))
    except OSError:
        return False
    return True


def saves_dir() -> Path:
    """Where saved games and the autosave are kept."""
    return config_dir() / "saves"


def latest_save() -> Path | None:
    """The most recently written save, if any."""
    try:
        saves = [p for p in saves_dir().glob("*.json") if p.is_file()]
    except OSError:
        return None
    return max(saves, key=lambda p: p.stat().st_mtime, default=None)
