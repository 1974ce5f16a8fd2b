"""The guided questionnaire behind ``partreg add``: questions, forgiving answers, a draft entry.

The questions come from the policy: first what the arrangement is (the
classification facts, asked only while they can still change the answer),
then the fields that kind needs. Every answer is checked as it is given and
asked again if it cannot be used. Input and output are passed in (``ask``
and ``say``), so the same flow runs in a terminal and in tests.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any, TypeVar

from partreg.classify import QUESTIONS, classify
from partreg.lint import ID_RULE
from partreg.models import (
    ID_PATTERN,
    KIND_LABELS,
    RESERVED_NAMES,
    Arrangement,
    Kind,
    Settings,
    inner_model,
    read_date,
)

Ask = Callable[[str], str]
Say = Callable[[str], None]
T = TypeVar("T")

YES = {"y", "yes", "true", "t"}
NO = {"n", "no", "false", "f"}
UNKNOWN = {"?", "dont know", "don't know", "not sure", "unknown", "skip", "s"}


class Invalid(ValueError):
    """An answer that cannot be used; the message says what would do."""


# --------------------------------------------------------------------------- answers


def propose_id(title: str) -> str:
    """An id from a title: ``Brentwood Community Fund (2025)`` -> ``brentwood-community-fund-2025``."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    if len(slug) > 64:
        slug = slug[:64].rsplit("-", 1)[0]
    if slug in RESERVED_NAMES or len(slug) < 3:
        slug = f"{slug}-arrangement".strip("-")
    return slug


def parse_id(text: str) -> str:
    value = text.strip()
    if not re.match(ID_PATTERN, value):
        raise Invalid(ID_RULE)
    if value in RESERVED_NAMES:
        raise Invalid(f"{value!r} is a reserved file name on Windows: choose another")
    return value


def parse_date(text: str) -> dt.date | int | str:
    """A date as precise as the officer knows it (``2025-04-01``, ``2025-04``, ``2025``, or the UK way:
    ``31/03/2025``, ``1 April 2025``, ``April 2025``), as it is written to the file."""
    try:
        return read_date(text).yaml_value()
    except ValueError as e:
        raise Invalid(str(e)) from None


def parse_pounds(text: str) -> float | int:
    """Forgiving, as ``import`` reads a spreadsheet's cell: ``£25,000``, ``25000.00``, ``£4.2m``, ``25k``."""
    from partreg.importer import Unplaced, read_money  # (importer reads yes and no as this module does)

    if text.strip().startswith("-"):
        raise Invalid("an amount cannot be negative")
    try:
        amount, qualified = read_money(text.replace("GBP", "£"))
    except Unplaced:
        raise Invalid("write an amount in pounds, for example 25000, £25,000 or £4.2m") from None
    if qualified:
        raise Invalid("write the amount alone, for example 25000 (say what it covers in the notes)")
    return amount


def parse_months(text: str) -> int:
    try:
        months = int(text.strip())
    except ValueError:
        raise Invalid("write a whole number of months, for example 12") from None
    if not 1 <= months <= 120:
        raise Invalid("between 1 and 120 months")
    return months


def parse_yes_no(text: str) -> bool:
    value = text.strip().lower()
    if value in YES:
        return True
    if value in NO:
        return False
    raise Invalid("answer yes or no")


def parse_fact(text: str) -> bool | None:
    """yes / no / don't know."""
    value = text.strip().lower().replace("\u2019", "'")  # the curly apostrophe phones and Word type
    if value in UNKNOWN:
        return None
    try:
        return parse_yes_no(value)
    except Invalid:
        raise Invalid("answer yes, no, or ? if you don't know") from None


def choice(options: list[str]) -> Callable[[str], str]:
    """A parser that takes an option's number or its text (or an unambiguous start of it)."""

    def parse(text: str) -> str:
        value = text.strip().lower()
        if value.isdigit() and 1 <= int(value) <= len(options):
            return options[int(value) - 1]
        starts = [o for o in options if o.lower().startswith(value)] if value else []
        if value in (o.lower() for o in options):
            return next(o for o in options if o.lower() == value)
        if len(starts) == 1:
            return starts[0]
        raise Invalid(f"choose a number from 1 to {len(options)}, or one of: {', '.join(options)}")

    return parse


def choices(options: list[str]) -> Callable[[str], list[str]]:
    """Several options, by number or text, separated by commas."""
    one = choice(options)

    def parse(text: str) -> list[str]:
        picked = [one(part) for part in text.split(",") if part.strip()]
        return list(dict.fromkeys(picked))

    return parse


# --------------------------------------------------------------------------- asking


class Questionnaire:
    """Asks the questions and keeps the answers."""

    def __init__(self, ask: Ask, say: Say, settings: Settings, today: dt.date, exists: Callable[[str], bool]):
        self._ask, self.say = ask, say
        self.settings, self.today, self.exists = settings, today, exists

    def ask(
        self, question: str, parse: Callable[[str], T], *, default: str | None = None, required: bool = True
    ) -> T | None:
        """Ask until the answer parses; an empty answer takes the default, or is ``None`` if optional."""
        prompt = (
            f"{question} [{default}]: " if default else f"{question}{'' if required else ' (optional)'}: "
        )
        while True:
            answer = self._ask(prompt).strip()
            if not answer and default is not None:
                answer = default
            if not answer:
                if not required:
                    return None
                self.say("  An answer is needed here.")
                continue
            try:
                return parse(answer)
            except Invalid as e:
                self.say(f"  {str(e)[:1].upper()}{str(e)[1:]}.")

    def text(self, question: str, *, default: str | None = None, required: bool = True) -> str | None:
        return self.ask(question, str, default=default, required=required)

    def need(self, question: str, parse: Callable[[str], T], *, default: str | None = None) -> T:
        value = self.ask(question, parse, default=default, required=True)
        assert value is not None  # required answers are never None
        return value

    def many(
        self, what: str, ask_one: Callable[[int], dict[str, Any] | str | None], *, at_least: int
    ) -> list[Any]:
        """Ask for items until an empty answer, after at least ``at_least`` of them."""
        items: list[Any] = []
        while True:
            item = ask_one(len(items) + 1)
            if item is None:
                if len(items) >= at_least:
                    return items
                self.say(f"  At least {at_least} {what} needed.")
                continue
            items.append(item)

    # ----------------------------------------------------------------------- the flow

    def facts(self) -> dict[str, bool | None]:
        """The classification questions, each asked only while it can still change the kind."""
        facts: dict[str, bool | None] = {}
        asked: set[str] = set()
        self.say("First, what kind of arrangement is this? Answer yes, no, or ? if you don't know.")
        while True:
            pending = [f for f in classify(facts).missing if f not in asked]
            if not pending:
                return facts
            fact = pending[0]
            asked.add(fact)
            facts[fact] = self.ask(QUESTIONS[fact], parse_fact)

    def kind(self, facts: dict[str, bool | None]) -> Kind | None:
        """The kind to record: one the answers do not contradict (so that `partreg classify` agrees
        with the file written), or ``None`` when the answers must be given again."""
        result = classify(facts)
        if result.conflicts:
            for conflict in result.conflicts:
                self.say(f"  Note: {conflict}")
            self.say("These answers contradict each other: the questions are asked again.")
            return None
        if result.kind is not None:
            self.say(f"This is {_article(result.kind)} {KIND_LABELS[result.kind].lower()}: {result.basis}.")
            for reason in result.reasons[1:]:
                self.say(f"  {reason}")
            if self.need(f"Record it as {result.kind.value}?", parse_yes_no, default="yes"):
                return result.kind
            self.say("The answers make it that kind: to record another, the questions are asked again.")
            return None
        self.say(result.reasons[0])
        if not result.possible:
            self.say("No kind fits these answers: the questions are asked again.")
            return None
        if result.missing:
            self.say("It depends on what is not known yet:")
            for fact in result.missing:
                self.say(f"  - {QUESTIONS[fact]}")
        kinds = [k.value for k in result.possible]  # only kinds the answers do not contradict
        for i, k in enumerate(kinds, 1):
            self.say(f"  {i}. {k}")
        return Kind(self.need("Which kind is it", choice(kinds)))

    def run(self) -> dict[str, Any]:
        """Ask everything and return the draft entry (plain data, in the format's key order)."""
        title = self.need("Title of the arrangement", _text)
        facts = self.facts()
        while (kind := self.kind(facts)) is None:  # contradictory answers, or another kind wanted
            facts = self.facts()
        entry_id = self.need("Id (the file name)", self._new_id, default=propose_id(title))
        status = self.need(
            "Status (proposed, active, ended)", choice(["proposed", "active", "ended"]), default="active"
        )
        summary = self.text("What is it for, in a sentence", required=kind is Kind.JOINT_WORKING)
        lead = {
            "role": self.need("Lead officer's role (a role, not a name)", _text),
            "service": self.need("Lead service", _text),
        }
        priorities = self._priorities(required=kind is Kind.PARTNERSHIP)
        partners = self.many("partner is", self._partner, at_least=1)
        start = self.need("Start date", parse_date, default=self.today.isoformat())
        end = self.ask("End date", parse_date, required=status == "ended")

        draft: dict[str, Any] = {"id": entry_id, "title": title, "kind": kind.value, "status": status}
        if summary:
            draft["summary"] = summary
        draft["lead"] = lead
        if priorities:
            draft["priorities"] = priorities
        draft["partners"] = partners
        draft.update(self._kind_fields(kind))
        known = {k: v for k, v in facts.items() if v is not None}
        if known:
            draft["characteristics"] = known
        draft["start"] = start
        if end is not None:
            draft["end"] = end
        if kind is Kind.PARTNERSHIP:
            months = self.need(
                "Months between reviews", parse_months, default=str(self.settings.review.default_months)
            )
            draft["review"] = {"months": months}
        ordered: dict[str, Any] = canonical(draft)
        return ordered

    def _new_id(self, text: str) -> str:
        value = parse_id(text)
        if self.exists(value):
            raise Invalid(f"register/{value}.yaml already exists: choose another id, e.g. {value}-2")
        return value

    def _priorities(self, *, required: bool) -> list[str]:
        ids = list(self.settings.priorities)
        if not ids:
            return []
        self.say("The council's priorities:")
        for i, (pid, name) in enumerate(self.settings.priorities.items(), 1):
            self.say(f"  {i}. {name} ({pid})")
        picked = self.ask(
            "Which priorities does it serve (numbers, separated by commas)", choices(ids), required=required
        )
        return picked or []

    def _partner(self, n: int) -> dict[str, Any] | None:
        name = self.text(f"Partner {n} name{' (empty to finish)' if n > 1 else ''}", required=n == 1)
        if not name:
            return None
        sectors = ["public", "private", "voluntary", "community", "academic", "other"]
        sector = self.need(f"  {name}: sector ({', '.join(sectors)})", choice(sectors))
        return {"name": name, "sector": sector}

    def _kind_fields(self, kind: Kind) -> dict[str, Any]:
        if kind is Kind.CONTRACT:
            return {
                "contract": {
                    "reference": self.need("Contract reference", _text),
                    "value_gbp": self.need("Contract value in pounds", parse_pounds),
                }
            }
        if kind is Kind.COMMUNITY_FUNDING:
            amount = self.need("Amount of funding in pounds", parse_pounds)
            period_start = self.need("Funded period starts", parse_date, default=self.today.isoformat())
            period_end = self.need("Funded period ends", parse_date)
            actions = self.many(
                "action is",
                lambda n: self.text(
                    f"Action agreed in return {n}" + (" (empty to finish)" if n > 1 else ""), required=n == 1
                ),
                at_least=1,
            )
            return {
                "funding": {
                    "amount_gbp": amount,
                    "period_start": period_start,
                    "period_end": period_end,
                    "actions": actions,
                }
            }
        if kind is not Kind.PARTNERSHIP:
            return {}
        self.say(
            "A partnership must agree six things: objectives, resources, outcomes, added value, risks and a review timescale."
        )
        out: dict[str, Any] = {}
        if self.need("Is it required by law (statutory)?", parse_yes_no, default="no"):
            out["statutory"] = True
            out["statutory_basis"] = self.need("Which law", _text)
        out["objectives"] = self.many(
            "objective is",
            lambda n: self.text(
                f"Shared objective {n}" + (" (empty to finish)" if n > 1 else ""), required=n == 1
            ),
            at_least=1,
        )
        out["outcomes"] = self.many("outcome is", self._outcome, at_least=1)
        council: dict[str, Any] = {}
        funding = self.ask("Council funding in pounds a year", parse_pounds, required=False)
        if funding is not None:
            council["funding_gbp"] = funding
        staff = self.text("Council staff time (e.g. 0.5 FTE)", required=False)
        if staff:
            council["staff"] = staff
        resources: dict[str, Any] = {"council": council} if council else {}
        resources["partners"] = self.need("What the partners commit", _text)
        out["resources"] = resources
        out["added_value"] = self.need("Added value: what working together achieves", _text)
        out["risks"] = self.many("risk is", self._risk, at_least=1)
        return out

    def _outcome(self, n: int) -> dict[str, Any] | None:
        description = self.text(f"Outcome {n}" + (" (empty to finish)" if n > 1 else ""), required=n == 1)
        if not description:
            return None
        return {
            "description": description,
            "measure": self.need("  How is it measured", _text),
            "target": self.need("  Target", _text),
        }

    def _risk(self, n: int) -> dict[str, Any] | None:
        description = self.text(f"Risk {n}" + (" (empty to finish)" if n > 1 else ""), required=n == 1)
        if not description:
            return None
        levels = ["low", "medium", "high"]
        return {
            "description": description,
            "likelihood": self.need("  Likelihood (low, medium, high)", choice(levels), default="medium"),
            "impact": self.need("  Impact (low, medium, high)", choice(levels), default="medium"),
            "mitigation": self.need("  Mitigation", _text),
        }


def _text(value: str) -> str:
    if not value.strip():
        raise Invalid("an answer is needed here")
    return value.strip()


def _article(kind: Kind) -> str:
    return "an" if KIND_LABELS[kind][0].lower() in "aeiou" else "a"


# --------------------------------------------------------------------------- the draft


def canonical(data: Any, model: Any = Arrangement) -> Any:
    """``data`` with its keys in the format's order (the models' field order), recursively."""
    if isinstance(data, dict) and model is not None and hasattr(model, "model_fields"):
        fields = model.model_fields
        ordered = {k: data[k] for k in fields if k in data}
        ordered.update({k: v for k, v in data.items() if k not in ordered})
        return {
            k: canonical(v, inner_model(fields[k].annotation) if k in fields else None)
            for k, v in ordered.items()
        }
    if isinstance(data, list):
        return [canonical(v, model) for v in data]
    return data
