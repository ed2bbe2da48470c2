"""The words of each demo item: finding titles and texts in the voice of their source, action titles, progress
updates and notes, all drawn from the per-theme vocabulary in phrases.py."""
from __future__ import annotations

import datetime as dt
import random

from ol_desk.core.model.enums import FindingType as F
from ol_desk.core.model.enums import SourceKind as K

from . import phrases as ph
from .choosing import Sentences, lower_first, upper_first

MOC_OPENERS = ("The inquest heard evidence that", "During the inquest it emerged that", "The evidence revealed that",
               "It was accepted at the inquest that")
MOC_CLOSERS = ("In my opinion there is a risk that future deaths will occur unless action is taken.",
               "I am concerned that this remains the position.", "", "The MATTERS OF CONCERN are set out above.")
IOPC_CONTEXT = ("The investigation found that", "Our investigation established that", "The evidence showed that")
LEARNING_SUBJECTS = ("Officers and staff should", "Supervisors should", "The BCU should", "The force should")
INTERNAL_SUBJECTS = ("The force should", "The BCU should", "The OCU should", "The Commissioner should")


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


class Wording:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.s = Sentences(rng)

    def topic(self, theme: str) -> str:
        return self.s.pick(self.s.phrases(theme).topics)

    def problem(self, theme: str) -> str:
        return self.s.pick(self.s.phrases(theme).problems)

    def finding(self, kind: K, finding: F, theme: str, target: dt.date | None) -> tuple[str, str]:
        """(title, text) of a finding, phrased the way its source would phrase it."""
        r, s = self.rng, self.s
        words = s.phrases(theme)
        topic = s.pick(words.topics)
        problem = s.pick(words.problems)
        remedy = s.pick(words.remedies)
        title = upper_first(topic) if r.random() < 0.6 else f"{upper_first(topic)} ({s.fill('{borough}')})"
        if finding is F.MATTER_OF_CONCERN:
            text = f"{r.choice(MOC_OPENERS)} {lower_first(problem)} {r.choice(MOC_CLOSERS)}".rstrip()
        elif finding is F.CAUSE_OF_CONCERN:
            text = f"The force's approach to {topic} is a cause of concern. {problem}"
        elif finding is F.AREA_FOR_IMPROVEMENT:
            text = f"The force should improve {topic}. In particular, it should {remedy}."
        elif finding is F.LEARNING_POINT:
            text = f"{problem} {r.choice(LEARNING_SUBJECTS)} {remedy}."
        elif kind is K.HMICFRS:
            when = f"By {long_date(target)}, t" if target else "T"
            text = f"{when}he Metropolitan Police Service should {remedy}."
        elif kind is K.IOPC:
            text = (f"{r.choice(IOPC_CONTEXT)} {lower_first(problem)} The IOPC recommends that the Metropolitan "
                    f"Police Service should {remedy}.")
        elif kind in (K.PUBLIC_INQUIRY, K.INDEPENDENT_REVIEW):
            text = f"The Commissioner should {remedy}." + (f" {problem}" if r.random() < 0.5 else "")
        else:
            text = f"{problem} {r.choice(INTERNAL_SUBJECTS)} {remedy}."
        if r.random() < 0.5:
            more = ph.DECEASED if finding is F.MATTER_OF_CONCERN else ph.CIRCUMSTANCES
            text = f"{text} {s.pick(more)}"
        return title[:300], text

    def action_title(self, theme: str) -> str:
        title = self.s.pick(self.s.phrases(theme).actions)
        if self.rng.random() < 0.5:
            title += self.s.pick(ph.ACTION_QUALIFIERS)
        return title

    def update(self, theme: str) -> str:
        r, s = self.rng, self.s
        own = s.pick(s.phrases(theme).updates)
        roll = r.random()
        if roll < 0.35:
            return own
        if roll < 0.55:
            return s.pick(ph.GENERIC_UPDATES)
        return f"{own} {s.pick(ph.GENERIC_UPDATES)}"

    def note(self, theme: str) -> str:
        return self.s.pick(self.s.phrases(theme).notes)

    def from_list(self, options: tuple[str, ...]) -> str:
        return self.s.pick(options)
