"""Seeded choices for the demo: weighted mixes that cover every option early, and sentences filled from slots."""
from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Generic, TypeVar

from .phrases import GENERIC, SLOTS, THEMES, ThemePhrases

T = TypeVar("T")


class Mixer(Generic[T]):
    """Weighted picks that give every option once within the first len(options) picks (in a seeded order), then
    follow the weights closely (smooth weighted round robin with seeded jitter), so that even a small demo has
    every kind, hub and status, and a large one has them in the intended proportions."""

    def __init__(self, rng: random.Random, weighted: Sequence[tuple[T, float]]):
        total = sum(w for _, w in weighted)
        if total <= 0:
            raise ValueError("a mix needs a positive weight")
        self.rng = rng
        self.options = [o for o, _ in weighted]
        self.weights = [w / total for _, w in weighted]
        self.credit = [rng.random() * 0.5 for _ in weighted]
        self.unseen = list(range(len(self.options)))
        rng.shuffle(self.unseen)

    def pick(self) -> T:
        if self.unseen:
            best = self.unseen.pop()
        else:
            jitter = self.rng.random
            best = max(range(len(self.options)), key=lambda i: self.credit[i] + jitter() * 0.3)
        self.credit[best] -= 1.0
        for i, w in enumerate(self.weights):
            self.credit[i] += w
        return self.options[best]


class _Slots(dict):
    """Each {slot} in a template gets a fresh seeded pick."""

    def __init__(self, rng: random.Random):
        super().__init__()
        self._choice = rng.choice

    def __missing__(self, key: str) -> str:
        return self._choice(SLOTS[key])


class Sentences:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self._slots = _Slots(rng)

    def fill(self, template: str) -> str:
        return template.format_map(self._slots)

    def pick(self, options: Sequence[str]) -> str:
        return self.fill(self.rng.choice(options))

    @staticmethod
    def phrases(theme_code: str) -> ThemePhrases:
        return THEMES.get(theme_code, GENERIC)


def lower_first(text: str) -> str:
    """'The custody record…' -> 'the custody record…', but 'CCTV showed…' stays as it is."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]
