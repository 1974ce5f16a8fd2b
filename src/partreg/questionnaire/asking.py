"""Asking one question until its answer can be used: the default, an optional answer, a list, a date.

Input and output are passed in (``ask`` reads a line, ``say`` writes one),
so the same questions run in a terminal and in tests. What is asked, and in
what order, is for :mod:`partreg.questionnaire.questions` and
:mod:`partreg.questionnaire.steps`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from partreg import sheetdates
from partreg.models import CONTROL, PartialDate, read_date, uk_date
from partreg.questionnaire.answers import (
    Amount,
    Invalid,
    earliest,
    parse_amount,
    parse_text,
    parse_yes_no,
    typed,
)
from partreg.readers import NO_END, Unplaced, not_known, only_placeholder
from partreg.sheetdates import Placeholder

Ask = Callable[[str], str]
Say = Callable[[str], None]
T = TypeVar("T")


class Asker:
    """Asks a question, and again until the answer parses; says why an answer cannot be used."""

    def __init__(self, ask: Ask, say: Say):
        self._ask, self.say = ask, say

    def ask(
        self,
        question: str,
        parse: Callable[[str], T],
        *,
        default: str | None = None,
        required: bool = True,
        why: str = "",
    ) -> T | None:
        """Ask until the answer parses. An empty answer takes the default; where there is none, or
        the answer says only that it is not known (``?``, ``not known``, ``TBC``: :func:`not_known`)
        or stands for a value (``To be agreed``, ``Various partners``: :func:`only_placeholder`),
        an optional question's answer is ``None``, left out, and a required one is asked again,
        saying ``why`` it is required."""
        # a question that ends in a bracket already says what an empty answer means
        optional = "" if required or question.endswith(")") else " (optional)"
        prompt = f"{question}{optional} [{default}]: " if default else f"{question}{optional}: "
        needed = f"  An answer is needed here{': ' + why if why else ''}."
        while True:
            answer = self._ask(prompt).strip()
            if answer == "-":
                if not required:
                    return None  # clears an optional answer that has a default
                self.say(needed)
                continue
            if CONTROL.search(answer):  # an arrow or function key where the terminal cannot edit
                self.say("  The answer holds a control character (an arrow key?): type it again.")
                continue
            if not answer and default is not None:
                answer = default
            if not answer or (not required and (not_known(answer) or only_placeholder(answer))):
                if not required:
                    return None  # a gap, which lint reports: never "?" or "not known" as a value
                self.say(needed)
                continue
            try:
                return parse(answer)
            except Invalid as e:
                self.say(
                    needed if not_known(answer) or only_placeholder(answer) else f"  {_sentence(str(e))}"
                )

    def text(
        self, question: str, *, default: str | None = None, required: bool = True, why: str = ""
    ) -> str | None:
        """Text, as typed (stripped); what says only that it is not known is no answer."""
        return self.ask(question, parse_text, default=default, required=required, why=why)

    def need(
        self, question: str, parse: Callable[[str], T], *, default: str | None = None, why: str = ""
    ) -> T:
        value = self.ask(question, parse, default=default, required=True, why=why)
        assert value is not None  # required answers are never None
        return value

    def many(
        self,
        what: str,
        ask_one: Callable[[int], dict[str, Any] | str | None],
        *,
        at_least: int = 0,
        now: list[Any] | None = None,
    ) -> list[Any]:
        """Ask for items until an empty answer, after at least ``at_least`` of them (none, where the
        first may be not known); asked again (``now`` the items so far), the officer may keep them all."""
        kept = "it" if now and len(now) == 1 else f"all {len(now or ())}"
        if now and self.need(f"Keep {kept} as before, or give them again (no)", parse_yes_no, default="yes"):
            return now
        items: list[Any] = []
        while True:
            item = ask_one(len(items) + 1)
            if item is None:
                if len(items) >= at_least:
                    return items
                self.say(f"  At least {at_least} {what} needed.")
                continue
            items.append(item)

    def money(self, question: str, *, default: Amount | None = None) -> Amount | None:
        """An amount in pounds, read as ``import`` reads a cell, and said back where it was not
        typed as the number alone (``Read as £12,500 a year``); ``None`` where it is not known."""
        amount = self.ask(question, parse_amount, default=typed(default), required=False)
        if amount is not None and amount.qualified:
            self.say(f"  Read as {amount.read_as()}; the whole answer is kept in the internal notes.")
        elif amount is not None and not amount.plain:
            self.say(f"  Read as {amount.read_as()}.")
        return amount

    def date(
        self,
        question: str,
        *,
        default: Any = None,
        required: bool = True,
        after: Any = None,
        no_end: bool = False,
    ) -> dt.date | int | str | None:
        """A date as precise as the officer knows it, as written to the file; the UK way is read and
        said back in full, and ``1/4/2025`` (either order) is confirmed once. An end date (``no_end``)
        may be ``ongoing`` or ``31/12/9999``: ``None``, as ``import`` reads a sheet's "no end"."""
        while True:
            text = self.ask(question, str, default=typed(default), required=required)
            if text is None:
                return None
            if no_end and _no_end(text):
                self.say("  Read as no end date.")
                return None
            day = self._day(text, required)
            if day is None:
                continue
            if text.strip() != day.iso:
                self.say(f"  Read as {day.display()} ({day.iso}).")
            if after is not None and day.latest < earliest(after):
                self.say(f"  That is before {typed(after)}: give a date on or after it.")
                continue
            return day.yaml_value()

    def _day(self, text: str, required: bool) -> PartialDate | None:
        """The date ``text`` gives, or ``None`` where it is asked again (said why). Read as the register
        reads one, else as ``import`` reads a cell (``01/04/21``, ``Apr-2016``); one that could be day or
        month first is confirmed, and one read leaving words out (``c. 2005``) is refused."""
        try:
            return read_date(text)
        except ValueError as e:
            refused = str(e)
        day: PartialDate | None = None
        rough = True
        with contextlib.suppress(Unplaced):  # a placeholder too: refused as the register's reader says
            day, rough = sheetdates.read_date(text)
        either = uk_date(text) or (day if sheetdates.written_order(text) == "either" else None)
        if either is not None:
            if self.need(f"  Is {text.strip()} {either.display()}?", parse_yes_no, default="yes"):
                return either
            self.say("  Then write it as YYYY-MM-DD, so it cannot be misread.")
            return None
        if day is None or rough:
            none = not required and "is a placeholder" in refused  # 31/12/9999 for "no end"
            self.say(
                f"  {_sentence(refused)}" + ("  Leave the answer empty where there is none." if none else "")
            )
            return None
        return day


def _no_end(text: str) -> bool:
    """What ``import`` reads as no end: ``ongoing``, ``open-ended``, or a placeholder date such as
    ``31/12/9999``."""
    if " ".join(text.lower().split()) in NO_END:
        return True
    try:
        sheetdates.read_date(text)
    except Placeholder:
        return True
    except Unplaced:
        pass
    return False


def _sentence(text: str) -> str:
    """``text`` as a sentence: a capital first, unless it starts with a file name, an id or a quote
    (``register/x.yaml already exists``), which keep theirs; and a full stop."""
    first = text.split(" ", 1)[0]
    keep = any(c in first for c in "/-_'.\"") or first[:1].isdigit()
    return f"{text if keep else text[:1].upper() + text[1:]}{'' if text.endswith('.') else '.'}"
