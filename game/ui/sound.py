"""Short sounds made with numpy at start-up (no files to ship); silent when off or without audio."""

from __future__ import annotations

import numpy as np
import pygame

RATE = 22050


def _tone(rate: int, freqs: list[float], seconds: float, decay: float, noise: float = 0.0) -> np.ndarray:
    """A decaying chord of sine partials, optionally with noise, as floats in -1..1."""
    n = int(rate * seconds)
    time = np.arange(n) / rate
    wave = sum(np.sin(2 * np.pi * f * time) / (i + 1) for i, f in enumerate(freqs))
    if noise:
        wave = wave + noise * np.random.default_rng(7).uniform(-1, 1, n)
    envelope = np.exp(-decay * time) * np.minimum(1.0, time * 400)
    out = wave * envelope
    return out / max(1e-9, float(np.abs(out).max()))


RECIPES = {
    "click": lambda rate: _tone(rate, [1800.0, 2700.0], 0.05, 90.0),
    "select": lambda rate: _tone(rate, [660.0, 990.0], 0.12, 30.0),
    "order": lambda rate: _tone(rate, [520.0, 780.0, 1040.0], 0.18, 22.0),
    "undo": lambda rate: _tone(rate, [440.0, 330.0], 0.14, 25.0),
    "refused": lambda rate: _tone(rate, [150.0, 160.0], 0.22, 14.0, noise=0.15),
    "turn": lambda rate: _tone(rate, [392.0, 523.25, 659.25], 0.7, 5.0),
    "war": lambda rate: _tone(rate, [70.0, 105.0], 0.5, 8.0, noise=0.5),
}


class Sounds:
    """The game's sounds by name; play() does nothing when sound is off or no audio device exists."""

    def __init__(self, enabled: bool, volume: float = 0.35) -> None:
        self.enabled = enabled
        self.sounds: dict[str, pygame.mixer.Sound] = {}
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init(frequency=RATE, size=-16, channels=2, buffer=512)
            rate, _, channels = pygame.mixer.get_init()
        except pygame.error:
            return
        for name, recipe in RECIPES.items():
            mono = (recipe(rate) * 32767 * volume).astype(np.int16)
            samples = np.ascontiguousarray(np.repeat(mono[:, None], channels, axis=1))
            self.sounds[name] = pygame.sndarray.make_sound(samples)

    def play(self, name: str) -> None:
        if self.enabled and name in self.sounds:
            self.sounds[name].play()
