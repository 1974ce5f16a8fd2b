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
from dataclasses import dataclass
from typing import Any, TypeVar, get_args

from partreg.classify import QUESTIONS, classify
from partreg.errors import Stopped
from partreg.models import (
    CONTROL,
    FORM_LABELS,
    ID_PATTERN,
    KIND_IN_A_SENTENCE,
    RESERVED_NAMES,
    Arrangement,
    Kind,
    PartialDate,
    ReviewOutcome,
    Settings,
    inner_model,
    read_date,
    uk_date,
)
from partreg.names import looks_like_a_name
from partreg.readers import Unplaced, pounds, read_money, read_months, representative, slug
from partreg.schemaerrors import ID_RULE

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
    proposed = slug(title)
    if len(proposed) > 64:
        proposed = proposed[:64].rsplit("-", 1)[0]
    if proposed in RESERVED_NAMES or len(proposed) < 3:
        proposed = f"{proposed}-arrangement".strip("-")
    return proposed


def free_id(proposed: str, taken: Callable[[str], bool]) -> str:
    """``proposed``, or with the first number that makes it unused: ``-2``, ``-3``..."""
    n, found = 1, proposed
    while taken(found):
        n += 1
        found = f"{proposed}-{n}"
    return found


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
    if text.strip().startswith("-"):
        raise Invalid("an amount cannot be negative")
    try:
        amount, qualified = read_money(text.replace("GBP", "£"))
    except Unplaced:
        raise Invalid("write an amount in pounds, for example 25000, £25,000 or £4.2m") from None
    if qualified:
        raise Invalid(
            "write the amount alone, for example 25000 (what it covers can go in the file's notes later)"
        )
    return amount


def parse_months(text: str) -> int:
    """Months between reviews, as ``import`` reads them: ``12``, ``12 months``, ``annual``, ``every 2 years``."""
    try:
        return read_months(text)
    except Unplaced:
        raise Invalid(
            "write a number of months between 1 and 120, for example 12 (or annual, 6 months)"
        ) from None


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
        # a question that ends in a bracket already says what an empty answer means
        optional = "" if required or question.endswith(")") else " (optional)"
        prompt = f"{question}{optional} [{default}]: " if default else f"{question}{optional}: "
        while True:
            answer = self._ask(prompt).strip()
            if answer == "-":
                if not required:
                    return None  # clears an optional answer that has a default
                self.say("  An answer is needed here.")
                continue
            if CONTROL.search(answer):  # an arrow or function key where the terminal cannot edit
                self.say("  The answer holds a control character (an arrow key?): type it again.")
                continue
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
                self.say(f"  {_sentence(str(e))}")

    def text(self, question: str, *, default: str | None = None, required: bool = True) -> str | None:
        return self.ask(question, str, default=default, required=required)

    def need(self, question: str, parse: Callable[[str], T], *, default: str | None = None) -> T:
        value = self.ask(question, parse, default=default, required=True)
        assert value is not None  # required answers are never None
        return value

    def many(
        self,
        what: str,
        ask_one: Callable[[int], dict[str, Any] | str | None],
        *,
        at_least: int,
        now: list[Any] | None = None,
    ) -> list[Any]:
        """Ask for items until an empty answer, after at least ``at_least`` of them; asked again
        (``now`` the items so far), the officer may keep them all."""
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

    # ----------------------------------------------------------------------- the flow

    def facts(self, before: dict[str, bool | None] | None = None) -> dict[str, bool | None]:
        """The classification questions, each asked only while it can still change the kind; asked
        again, each offers the answer given ``before`` (Enter keeps it)."""
        facts: dict[str, bool | None] = {}
        asked: set[str] = set()
        self.say("First, what kind of arrangement is this? Answer yes, no, or ? if you don't know.")
        while True:
            pending = [f for f in classify(facts).missing if f not in asked]
            if not pending:
                return facts
            fact = pending[0]
            asked.add(fact)
            default = None
            if before and fact in before:
                default = {True: "yes", False: "no", None: "?"}[before[fact]]
            facts[fact] = self.ask(QUESTIONS[fact], parse_fact, default=default)

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
            self.say(f"This is {KIND_IN_A_SENTENCE[result.kind]}: {result.basis}.")
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

    # ----------------------------------------------------------------------- the form

    def run(self, check: Check | None = None) -> dict[str, Any]:
        """Ask everything, show it all back, and return the draft the officer chooses to write (plain
        data, in the format's key order). At the summary an answer can be changed by its number,
        keeping the others, or everything cancelled (:class:`Cancelled`). ``check`` gives what lint
        finds in a draft; a draft with an error is not offered for writing."""
        self.answers: dict[str, Any] = {}
        self._fill()
        while True:
            draft = self.draft()
            found = check(draft) if check else []
            steps = [s for s in self._steps() if s.applies()]
            self.say("")
            self.say(f"The new entry, {self.answers['id']}:")
            for n, step in enumerate(steps, 1):
                self.say(f"  {n:>2}. {step.label}: {step.shown(self.answers.get(step.key))}")
            errors = [f for f in found if f.error]
            for finding in found:
                self.say(f"  {'Error' if finding.error else 'Warning'}: {finding.message}")
            if errors:
                self.say("Change the answer the error is about before it can be written.")
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
        for step in self._steps():
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

    def _steps(self) -> list[Step]:
        """Every question of the form, in the order asked; each says when it applies."""
        a = self.answers

        def kind() -> Kind | None:
            return a["kind"][1] if "kind" in a else None

        def started() -> bool:  # before today: it may have been reviewed
            return "start" in a and _earliest(a["start"]) < self.today

        def of(k: Kind) -> Callable[[], bool]:
            return lambda: kind() is k

        contract, funding, partnership = of(Kind.CONTRACT), of(Kind.COMMUNITY_FUNDING), of(Kind.PARTNERSHIP)
        return [
            Step("title", "Title", lambda now: self.need("Title of the arrangement", _text, default=now)),
            Step("kind", "Kind", self._ask_kind, shown=lambda v: f"{v[1].value}"),
            Step(
                "id",
                "Id (the file name)",
                lambda now: self.need(
                    "Id (the file name)",
                    self._new_id,
                    default=now or free_id(propose_id(a["title"]), self.exists),
                ),
            ),
            Step(
                "status",
                "Status",
                lambda now: self.need(
                    "Status (proposed, active, ended)",
                    choice(["proposed", "active", "ended"]),
                    default=now or "active",
                ),
            ),
            Step(
                "summary",
                "What it is for",
                lambda now: self.text(
                    "What is it for, in a sentence", default=now, required=kind() is Kind.JOINT_WORKING
                ),
            ),
            Step(
                "role",
                "Lead officer's role",
                lambda now: self.need("Lead officer's role (a role, not a name)", self._role, default=now),
            ),
            Step("service", "Lead service", lambda now: self.need("Lead service", _text, default=now)),
            Step(
                "member",
                "Lead councillor",
                lambda now: self.text("Lead councillor or portfolio holder", default=now, required=False),
            ),
            Step(
                "form",
                "What the body is",
                self._form,
                applies=lambda: kind() in (Kind.PARTNERSHIP, Kind.JOINT_WORKING),
                shown=lambda v: FORM_LABELS[v] if v else "(not said)",
            ),
            Step(
                "representatives",
                "Council representatives",
                lambda now: self.ask(
                    "The council's representatives on it (councillors or roles, separated by commas)",
                    _names,
                    default=", ".join(now) if now else None,
                    required=False,
                ),
                applies=lambda: kind() in (Kind.PARTNERSHIP, Kind.JOINT_WORKING),
                shown=lambda v: "; ".join(v) if v else "(none)",
            ),
            Step(
                "priorities",
                "Priorities",
                lambda now: self._priorities(required=kind() is Kind.PARTNERSHIP, now=now),
                applies=lambda: bool(self.settings.priorities),
                shown=lambda v: ", ".join(self.settings.priorities.get(p, p) for p in v) if v else "none",
            ),
            Step(
                "partners",
                "Partners",
                lambda now: self.many("partner is", self._partner, at_least=1, now=now),
                shown=lambda v: "; ".join(f"{p['name']} ({p['sector']})" for p in v),
            ),
            Step("start", "Start", lambda now: self.date("Start date", default=now or self.today)),
            Step(
                "end",
                "End",
                lambda now: self.date(
                    "End date", default=now, required=a.get("status") == "ended", after=a.get("start")
                ),
            ),
            Step("last_review", "Last review", self._last_review, applies=started, shown=_review_shown),
            Step(
                "reference",
                "Contract reference",
                lambda now: self.need("Contract reference", _text, default=now),
                applies=contract,
            ),
            Step(
                "value",
                "Contract value",
                lambda now: self.need("Contract value in pounds", parse_pounds, default=_typed(now)),
                applies=contract,
                shown=_pounds,
            ),
            Step(
                "value_covers",
                "The value covers",
                lambda now: self.need(
                    "Is that a year's value, or the whole contract's (year, whole, or ? if not known)",
                    choice(list(VALUE_COVERS)),
                    default=now or "?",
                ),
                applies=contract,
                shown=lambda v: VALUE_COVERS[v][1],
            ),
            Step(
                "supplier_registration",
                "Supplier's company or charity number",
                lambda now: self.text(
                    "The supplier's company or charity number", default=now, required=False
                ),
                applies=contract,
            ),
            Step(
                "procurement_route",
                "Let through",
                lambda now: self.ask(
                    "Was it let through an invitation to quote (quote), a published invitation to tender "
                    "(tender), or another route (say which, e.g. framework)",
                    _route,
                    default=now,
                    required=False,
                ),
                applies=contract,
            ),
            self._supplier_is("supplier_sme", "an SME", "a small or medium-sized enterprise", contract),
            self._supplier_is(
                "supplier_vcse",
                "a VCSE",
                "a voluntary, community or social enterprise organisation",
                contract,
            ),
            Step(
                "amount",
                "Funding",
                lambda now: self.need("Amount of funding in pounds", parse_pounds, default=_typed(now)),
                applies=funding,
                shown=_pounds,
            ),
            Step(
                "period_start",
                "Funded period starts",
                lambda now: self.date("Funded period starts", default=now or a.get("start")),
                applies=funding,
            ),
            Step(
                "period_end",
                "Funded period ends",
                lambda now: self.date(
                    "Funded period ends", default=now or a.get("end"), after=a.get("period_start")
                ),
                applies=funding,
            ),
            Step(
                "award_date",
                "Awarded on",
                lambda now: self.date("When was it awarded", default=now, required=False),
                applies=funding,
            ),
            Step(
                "recipient_registration",
                "Recipient's charity or company number",
                lambda now: self.text(
                    "The recipient's charity or company number", default=now, required=False
                ),
                applies=funding,
            ),
            Step(
                "actions",
                "Actions agreed in return",
                lambda now: self.many(
                    "action is", self._item("Action agreed in return"), at_least=1, now=now
                ),
                applies=funding,
                shown="; ".join,
            ),
            Step(
                "statutory",
                "Required by law",
                self._statutory,
                applies=partnership,
                shown=lambda v: v or "no",
            ),
            Step(
                "objectives",
                "Shared objectives",
                lambda now: self.many("objective is", self._item("Shared objective"), at_least=1, now=now),
                applies=partnership,
                shown="; ".join,
            ),
            Step(
                "outcomes",
                "Outcomes",
                lambda now: self.many("outcome is", self._outcome, at_least=1, now=now),
                applies=partnership,
                shown=lambda v: "; ".join(f"{o['description']} (target: {o['target']})" for o in v),
            ),
            Step(
                "council_funding",
                "Council funding a year",
                lambda now: self.ask(
                    "Council funding in pounds a year", parse_pounds, default=_typed(now), required=False
                ),
                applies=partnership,
                shown=_pounds,
            ),
            Step(
                "staff",
                "Council staff time",
                lambda now: self.text("Council staff time, such as 0.5 FTE", default=now, required=False),
                applies=partnership,
            ),
            Step(
                "partners_commit",
                "What the partners commit",
                lambda now: self.need("What the partners commit", _text, default=now),
                applies=partnership,
            ),
            Step(
                "added_value",
                "Added value",
                lambda now: self.need("Added value: what working together achieves", _text, default=now),
                applies=partnership,
            ),
            Step(
                "risks",
                "Risks",
                lambda now: self.many("risk is", self._risk, at_least=1, now=now),
                applies=partnership,
                shown=lambda v: "; ".join(f"{r['description']} ({r['likelihood']}/{r['impact']})" for r in v),
            ),
            Step(
                "months",
                "Months between reviews",
                lambda now: self.need(
                    "Months between reviews",
                    parse_months,
                    default=str(now or self.settings.review.default_months),
                ),
                applies=partnership,
            ),
        ]

    def _supplier_is(self, key: str, short: str, long: str, applies: Callable[[], bool]) -> Step:
        """Whether a contract's supplier is an SME, or a VCSE: yes, no, or not known."""
        return Step(
            key,
            f"Supplier is {short}",
            lambda now: self.ask(
                f"Is the supplier {long} (yes, no, ?)", parse_fact, default=_fact_word(now), required=False
            ),
            applies=applies,
            shown=lambda v: {True: "yes", False: "no", None: "not known"}[v],
        )

    def draft(self) -> dict[str, Any]:
        """The entry the answers so far make, in the format's key order: only the answers to the
        questions that apply (a last review is not kept once the start is moved to the future)."""
        applies = {step.key for step in self._steps() if step.applies()}
        a = {k: v for k, v in self.answers.items() if k in applies}
        facts, kind = a["kind"]
        draft: dict[str, Any] = {
            "id": a["id"],
            "title": a["title"],
            "kind": kind.value,
            "status": a["status"],
        }
        if a.get("summary"):
            draft["summary"] = a["summary"]
        draft["lead"] = {"role": a["role"], "service": a["service"]}
        if a.get("member"):
            draft["lead"]["member"] = a["member"]
        if a.get("priorities"):
            draft["priorities"] = a["priorities"]
        draft["partners"] = a["partners"]
        if a.get("form"):
            draft["form"] = a["form"]
        if a.get("representatives"):
            draft["representatives"] = [representative(name) for name in a["representatives"]]
        if kind is Kind.CONTRACT:
            draft["contract"] = {"reference": a["reference"], VALUE_COVERS[a["value_covers"]][0]: a["value"]}
            for key in ("procurement_route", "supplier_registration", "supplier_sme", "supplier_vcse"):
                if a.get(key) is not None:
                    draft["contract"][key] = a[key]
        elif kind is Kind.COMMUNITY_FUNDING:
            draft["funding"] = {
                "amount_gbp": a["amount"],
                "period_start": a["period_start"],
                "period_end": a["period_end"],
                "actions": a["actions"],
            }
            if a.get("award_date") is not None:
                draft["funding"]["award_date"] = a["award_date"]
            if a.get("recipient_registration"):
                number = a["recipient_registration"]
                draft["funding"]["recipient_registration"] = number
                if org_id := org_id_of(number):
                    draft["funding"]["recipient_org_id"] = org_id
        elif kind is Kind.PARTNERSHIP:
            if a["statutory"]:
                draft["statutory"] = True
                draft["statutory_basis"] = a["statutory"]
            draft["objectives"] = a["objectives"]
            draft["outcomes"] = a["outcomes"]
            council = {"funding_gbp": a.get("council_funding"), "staff": a.get("staff")}
            resources: dict[str, Any] = {}
            if any(v is not None for v in council.values()):
                resources["council"] = {k: v for k, v in council.items() if v is not None}
            resources["partners"] = a["partners_commit"]
            draft["resources"] = resources
            draft["added_value"] = a["added_value"]
            draft["risks"] = a["risks"]
        known = {k: v for k, v in facts.items() if v is not None}
        if known:
            draft["characteristics"] = known
        draft["start"] = a["start"]
        if a.get("end") is not None:
            draft["end"] = a["end"]
        draft["last_verified"] = self.today  # every fact was given just now
        review: dict[str, Any] = {}
        if kind is Kind.PARTNERSHIP:
            review["months"] = a["months"]
        if a.get("last_review"):
            review["history"] = [a["last_review"]]
        if review:
            draft["review"] = review
        ordered: dict[str, Any] = canonical(draft)
        return ordered

    # ----------------------------------------------------------------------- the questions

    def _ask_kind(
        self, now: tuple[dict[str, bool | None], Kind] | None
    ) -> tuple[dict[str, bool | None], Kind]:
        facts = self.facts(now[0] if now else None)
        while (kind := self.kind(facts)) is None:  # contradictory answers, or another kind wanted
            facts = self.facts()
        return facts, kind

    def date(
        self, question: str, *, default: Any = None, required: bool = True, after: Any = None
    ) -> dt.date | int | str | None:
        """A date as precise as the officer knows it, as written to the file; the UK way is read and
        said back in full, and ``1/4/2025`` (either order) is confirmed once."""
        while True:
            text = self.ask(question, str, default=_typed(default), required=required)
            if text is None:
                return None
            try:
                day = read_date(text)
            except ValueError as e:
                either = uk_date(text)
                if either is None:
                    self.say(f"  {_sentence(str(e))}")
                    continue
                if not self.need(f"  Is {text.strip()} {either.display()}?", parse_yes_no, default="yes"):
                    self.say("  Then write it as YYYY-MM-DD, so it cannot be misread.")
                    continue
                day = either
            if text.strip() != day.iso:
                self.say(f"  Read as {day.display()} ({day.iso}).")
            if after is not None and day.latest < _earliest(after):
                self.say(f"  That is before {_typed(after)}: give a date on or after it.")
                continue
            return day.yaml_value()

    def _role(self, text: str) -> str:
        """A role, not a person: a name is asked again once, and taken if the officer repeats it."""
        value = _text(text)
        if "@" in value:
            raise Invalid("that is an email address: give the role, for example Community Safety Manager")
        if value != self._refused_role and looks_like_a_name(value):
            self._refused_role = value
            raise Invalid(
                f"{value!r} looks like a person's name, and the register is published: give the role, "
                "for example Community Safety Manager (type it again if it is a role)"
            )
        return value

    _refused_role: str | None = None

    def _last_review(self, now: dict[str, Any] | None) -> dict[str, Any] | None:
        """The last review held, so an entry is not born overdue; empty where it has not been reviewed."""
        a = self.answers
        held = self.date(
            "When was it last reviewed (empty if it has not been yet)",
            default=now["date"] if now else None,
            required=False,
            after=a.get("start"),
        )
        if held is None:
            return None
        if _earliest(held) > self.today:
            self.say("  That is in the future: a review is recorded once it has been held.")
            return self._last_review(now)
        outcomes = list(get_args(ReviewOutcome))
        record: dict[str, Any] = {
            "date": held,
            "outcome": self.need(
                f"  What did it decide ({', '.join(outcomes)})",
                choice(outcomes),
                default=now["outcome"] if now else outcomes[0],
            ),
        }
        by = self.text("  Which role reviewed it", default=now.get("by") if now else None, required=False)
        if by:
            record["by"] = by
        return record

    def _form(self, now: str | None) -> str | None:
        forms = [f for f in FORM_LABELS if f != "other"]
        self.say("What the body is, if one of these:")
        for i, form in enumerate(forms, 1):
            self.say(f"  {i}. {FORM_LABELS[form]}")
        return self.ask(
            "Which (a number; empty if none of these)",
            choice(forms),
            default=str(forms.index(now) + 1) if now in forms else None,
            required=False,
        )

    def _statutory(self, now: str | bool | None) -> str | bool:
        if not self.need("Is it required by law (statutory)?", parse_yes_no, default="yes" if now else "no"):
            return False
        return self.need("Which law", _text, default=now if isinstance(now, str) else None)

    def _item(self, what: str) -> Callable[[int], str | None]:
        return lambda n: self.text(f"{what} {n}" + (" (empty to finish)" if n > 1 else ""), required=n == 1)

    def _new_id(self, text: str) -> str:
        value = parse_id(text)
        if value != self.answers.get("id") and self.exists(value):
            raise Invalid(f"register/{value}.yaml already exists: choose another id, e.g. {value}-2")
        return value

    def _priorities(self, *, required: bool, now: list[str] | None = None) -> list[str]:
        ids = list(self.settings.priorities)
        self.say("The council's priorities:")
        for i, (pid, name) in enumerate(self.settings.priorities.items(), 1):
            self.say(f"  {i}. {name} ({pid})")
        picked = self.ask(
            "Which priorities does it serve (numbers, separated by commas)",
            choices(ids),
            default=", ".join(str(ids.index(p) + 1) for p in now if p in ids) if now else None,
            required=required,
        )
        return picked or []

    def _partner(self, n: int) -> dict[str, Any] | None:
        name = self.text(f"Partner {n} name{' (empty to finish)' if n > 1 else ''}", required=n == 1)
        if not name:
            return None
        sectors = ["public", "private", "voluntary", "community", "academic", "other"]
        sector = self.need(f"  {name}: sector ({', '.join(sectors)})", choice(sectors))
        return {"name": name, "sector": sector}

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


#: The answers asked again when the one they depend on changes: checked against it, or defaulted from it.
DEPENDS = {
    "start": ("end", "last_review", "period_start"),
    "end": ("period_end",),
    "status": ("end",),
    "period_start": ("period_end",),
}

#: What a contract's value covers, as the officer answers: the field it goes in, and how it reads.
VALUE_COVERS = {
    "year": ("annual_value_gbp", "a year"),
    "whole": ("whole_life_value_gbp", "the whole contract"),
    "?": ("value_gbp", "not known (a year or the whole contract)"),
}


def _route(text: str) -> str:
    """``quote`` and ``tender`` as the Transparency Code's two routes; any other route as written."""
    said = " ".join(text.lower().split())
    if said in ("quote", "invitation to quote", "invitation-to-quote", "itq", "rfq"):
        return "invitation-to-quote"
    if said in ("tender", "invitation to tender", "invitation-to-tender", "itt", "open tender"):
        return "invitation-to-tender"
    return _text(text)


def _fact_word(value: bool | None) -> str | None:
    return {True: "yes", False: "no"}.get(value) if value is not None else None


def org_id_of(number: str) -> str | None:
    """The org-id of a registration number where its form says which register it is in: a charity
    in England and Wales (6 or 7 digits, ``GB-CHC-``) or a company (8 digits, or two letters and 6,
    ``GB-COH-``); ``None`` where it does not."""
    n = "".join(number.split()).upper()
    if re.fullmatch(r"\d{6,7}", n):
        return f"GB-CHC-{n}"
    if re.fullmatch(
        r"(?:\d{8}|(?:OC|NI|SO|FC|IP|RS)\d{6})", n
    ):  # SC and 6 digits: a Scottish charity or company
        return f"GB-COH-{n}"
    return None


def _names(text: str) -> list[str]:
    return [name.strip() for name in text.split(",") if name.strip()]


@dataclass(frozen=True)
class Step:
    """One question of the form: its key in the answers, its label in the summary, how it is asked
    (given the answer so far, ``None`` the first time), when it applies, and how its answer reads."""

    key: str
    label: str
    ask: Callable[[Any], Any]
    applies: Callable[[], bool] = lambda: True
    shown: Callable[[Any], str] = lambda v: _typed(v) or "(none)"


@dataclass(frozen=True)
class Finding:
    """What lint says of the draft, for the summary."""

    error: bool
    message: str


Check = Callable[[dict[str, Any]], list[Finding]]


class Cancelled(Stopped):
    """The officer cancelled at the summary."""

    exit_code = 1

    def __init__(self) -> None:
        super().__init__("Cancelled. Nothing was written.")


def _typed(value: Any) -> str | None:
    """An answer as the officer would type it again (the default when it is asked again)."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _earliest(value: Any) -> dt.date:
    return PartialDate.parse(value).earliest


def _pounds(value: Any) -> str:
    return "(none)" if value is None else pounds(value)


def _review_shown(record: dict[str, Any] | None) -> str:
    if not record:
        return "not reviewed yet"
    by = f", by {record['by']}" if record.get("by") else ""
    return f"{PartialDate.parse(record['date']).display()} ({record['outcome']}{by})"


def _sentence(text: str) -> str:
    """``text`` as a sentence: a capital first, unless it starts with a file name, an id or a quote
    (``register/x.yaml already exists``), which keep theirs; and a full stop."""
    first = text.split(" ", 1)[0]
    keep = any(c in first for c in "/-_'.\"") or first[:1].isdigit()
    return f"{text if keep else text[:1].upper() + text[1:]}{'' if text.endswith('.') else '.'}"


def _text(value: str) -> str:
    if not value.strip():
        raise Invalid("an answer is needed here")
    return value.strip()


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
