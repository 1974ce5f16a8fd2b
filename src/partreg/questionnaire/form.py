"""The guided questionnaire behind ``partreg add``: ask everything, show it back, change or write it.

The questions come from the policy: first what the arrangement is (the
classification facts, asked only while they can still change the answer),
then the fields that kind needs. Every answer is checked as it is given and
asked again if it cannot be used. At the summary the officer may change any
answer by its number, keeping the others, write the draft, or cancel.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from partreg.errors import Stopped
from partreg.questionnaire.answers import NO, YES, Amount, Invalid
from partreg.questionnaire.draft import entry_from
from partreg.questionnaire.questions import Questions
from partreg.questionnaire.steps import DEPENDS, steps_of


class Questionnaire(Questions):
    """Asks the questions and keeps the answers."""

    def run(self, check: Check | None = None) -> dict[str, Any]:
        """Ask everything, show it all back, and return the draft the officer chooses to write (plain
        data, in the format's key order). At the summary an answer can be changed by its number,
        keeping the others, or everything cancelled (:class:`Cancelled`). ``check`` gives what lint
        finds in a draft; a draft with an error that stops the write (no gap) is not offered for
        writing."""
        self.answers = {}
        self._fill()
        while True:
            draft = self.draft()
            found = check(draft) if check else []
            steps = [s for s in steps_of(self) if s.applies()]
            self.say("")
            self.say(f"The new entry, {self.answers['id']}:")
            for n, step in enumerate(steps, 1):
                self.say(f"  {n:>2}. {step.label}: {step.shown(self.answers.get(step.key))}")
            errors = [f for f in found if f.stops]
            for finding in found:
                self.say(f"  {'Error' if finding.error else 'Warning'}: {finding.message}")
            if errors:
                self.say("Change the answer the error is about before it can be written.")
            elif any(f.error for f in found):
                self.say(
                    "What is not known can be left out: the entry can be written with these gaps, "
                    "and lint reports each until it is recorded."
                )
            question = (
                "Change which answer (a number), or cancel"
                if errors
                else "Write it? yes, a number to change that answer, or cancel"
            )
            reply = self.need(
                question,
                self._form_choice(len(steps), can_write=not errors),
                default=None if errors else "yes",
            )
            if reply == "yes":
                return draft
            if reply == "cancel":
                raise Cancelled()
            step = steps[int(reply) - 1]
            self.say("Press Enter to keep an answer as it is, or - to clear one that is optional.")
            self.answers[step.key] = step.ask(self.answers.get(step.key))
            # answers checked against this one, or defaulted from it, are asked again (Enter keeps them)
            again = {k: self.answers.pop(k) for k in DEPENDS.get(step.key, ()) if k in self.answers}
            self._fill(again)  # and an answer that changes the kind or the status may need more

    def _fill(self, before: dict[str, Any] | None = None) -> None:
        """Ask each question that applies and has no answer yet, in order (offering the answer it
        had ``before``, where it is asked again)."""
        for step in steps_of(self):
            if step.applies() and step.key not in self.answers:
                self.answers[step.key] = step.ask((before or {}).get(step.key))

    @staticmethod
    def _form_choice(steps: int, *, can_write: bool) -> Callable[[str], str]:
        def parse(text: str) -> str:
            value = text.strip().lower()
            if value.isdigit() and 1 <= int(value) <= steps:
                return value
            if value in YES and can_write:
                return "yes"
            if value in ("c", "cancel", "q", "quit"):
                return "cancel"
            if value in NO:
                raise Invalid(
                    f"to change an answer, give its number (1 to {steps}); to write nothing, cancel"
                )
            if can_write:
                raise Invalid(
                    f"answer yes to write it, a number from 1 to {steps} to change an answer, or cancel"
                )
            raise Invalid(f"answer a number from 1 to {steps} to change an answer, or cancel")

        return parse

    def draft(self) -> dict[str, Any]:
        """The entry the answers so far make, in the format's key order: only the answers to the
        questions that apply (a last review is not kept once the start is moved to the future)."""
        steps = [step for step in steps_of(self) if step.applies()]
        # an amount read leaving words out ("£12,500 pa") is kept as typed, as import keeps a cell
        notes = [
            f"{step.label}: {answer.said}"
            for step in steps
            if isinstance(answer := self.answers.get(step.key), Amount) and answer.qualified
        ]
        answers = {k: v for k, v in self.answers.items() if k in {step.key for step in steps}}
        return entry_from(answers, today=self.today, notes=notes)


@dataclass(frozen=True)
class Finding:
    """What lint says of the draft, for the summary: an error or a warning, and whether it stops
    the write (an error that is no gap: a value that is wrong, facts that contradict each other)."""

    error: bool
    message: str
    stops: bool = False


Check = Callable[[dict[str, Any]], list[Finding]]


class Cancelled(Stopped):
    """The officer cancelled at the summary."""

    exit_code = 1

    def __init__(self) -> None:
        super().__init__("Cancelled. Nothing was written.")
