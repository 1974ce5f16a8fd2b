"""What the questionnaire asks: the classification questions first, then the answers made of parts.

The facts are asked only while they can still change the kind, and the kind
recorded is one the answers do not contradict. The other questions here are
those a single line cannot answer (a partner and its sector, an outcome and
its measure, a review held and its outcome) or that check an answer against
the register (an id not taken, a role that is not a person's name). Which of
them are asked, and in what order, is for :mod:`partreg.questionnaire.steps`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, get_args

from partreg.classify import DEFINITIONS, QUESTIONS, classify
from partreg.models import FORM_LABELS, KIND_IN_A_SENTENCE, Kind, ReviewOutcome, Settings
from partreg.names import LOOKS_LIKE_A_NAME, not_a_role
from partreg.questionnaire.answers import (
    Invalid,
    choice,
    choices,
    earliest,
    parse_fact,
    parse_id,
    parse_names,
    parse_text,
    parse_yes_no,
)
from partreg.questionnaire.asking import Ask, Asker, Say
from partreg.readers import not_known, representative


class Questions(Asker):
    """The questions that need more than one line, or the register, to answer; and the answers so far."""

    #: The answers given so far, by the key of each question (:class:`partreg.questionnaire.steps.Step`).
    answers: dict[str, Any]

    def __init__(self, ask: Ask, say: Say, settings: Settings, today: dt.date, exists: Callable[[str], bool]):
        super().__init__(ask, say)
        self.settings, self.today, self.exists = settings, today, exists

    def facts(self, before: dict[str, bool | None] | None = None) -> dict[str, bool | None]:
        """The classification questions, each asked only while it can still change the kind; asked
        again, each offers the answer given ``before`` (Enter keeps it)."""
        facts: dict[str, bool | None] = {}
        asked: set[str] = set()
        self.say("First, what kind of arrangement is this? Answer yes, no, or ? if you don't know.")
        while True:
            if _only_a_forum(facts):
                return facts  # joint working: a yes to the forum question said what the others would ask
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
        if result.kind is None and _only_a_forum(facts):
            self.say(
                "This is joint working: a forum for discussion with no formal agreement or no agreed "
                f"outcomes, as you answered; {_JOINT_WORKING}."
            )
            self.say(
                "  A partnership board whose members also discuss strategy is not only a forum: if this is "
                "one, answer no here, and no to the forum question."
            )
            if self.need("Record it as joint-working?", parse_yes_no, default="yes"):
                return Kind.JOINT_WORKING
            self.say("The questions are asked again.")
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

    def ask_kind(
        self, now: tuple[dict[str, bool | None], Kind] | None
    ) -> tuple[dict[str, bool | None], Kind]:
        """The facts and the kind they make, asked until the officer records one (``now`` the answers before)."""
        facts = self.facts(now[0] if now else None)
        while (kind := self.kind(facts)) is None:  # contradictory answers, or another kind wanted
            facts = self.facts()
        self.say(
            f"Now what {KIND_IN_A_SENTENCE[kind]} records. Leave out what is not known (? or not known; "
            "Enter where no answer is offered): lint lists each gap, to record when it is known."
        )
        return facts, kind

    def role(self, text: str) -> str:
        """A role, not a person: a name is asked again once, and taken if the officer repeats it."""
        value = parse_text(text)
        self._as_role(value, value, "Community Safety Manager")
        return value

    _refused_role: str | None = None

    def representatives(self, text: str) -> list[str]:
        """The council's representatives, separated by commas: a councillor by name (``Cllr A.
        Patel``), anyone else by the role, asked as the lead's role is (:meth:`role`); what says
        only that it is not known is left out."""
        names = [name for name in parse_names(text) if not not_known(name)]
        for name in names:
            if "role" in representative(name):  # (a councillor: a public office, named)
                self._as_role(name, text, "Head of Housing (a councillor as Cllr and the name)")
        return names

    def _as_role(self, value: str, answer: str, example: str) -> None:
        """Refuse ``value`` as a role where it is a person's (:func:`partreg.names.not_a_role`): an
        email address or a phone number always; a name unless the officer gives the same ``answer``
        again ("Grace Lane" may be a team)."""
        said = not_a_role(value)
        what = "that" if value == answer else repr(value)
        if said is not None and said != LOOKS_LIKE_A_NAME:  # an email address, a phone number
            raise Invalid(f"{what} {said}: give the role, for example {example}")
        if said is not None and answer != self._refused_role:
            self._refused_role = answer
            raise Invalid(
                f"{value!r} {said}, and the register is published: give the role, for example {example} "
                f"(type {'it' if value == answer else 'the same answer'} again if it is a role)"
            )

    def last_review(self, now: dict[str, Any] | None) -> dict[str, Any] | None:
        """The last review held, so an entry is not born overdue; empty where it has not been reviewed."""
        a = self.answers
        held = self.date(
            "When was it last reviewed (empty if it has not been yet, or is not known)",
            default=now["date"] if now else None,
            required=False,
            after=a.get("start"),
        )
        if held is None:
            return None
        if earliest(held) > self.today:
            self.say("  That is in the future: a review is recorded once it has been held.")
            return self.last_review(now)
        outcomes = list(get_args(ReviewOutcome))
        record: dict[str, Any] = {
            "date": held,
            "outcome": self.need(
                f"  What did it decide ({', '.join(outcomes)})",
                choice(outcomes),
                default=now["outcome"] if now else outcomes[0],
            ),
        }
        by = self.ask(
            "  Which role reviewed it", self.role, default=now.get("by") if now else None, required=False
        )
        if by:
            record["by"] = by
        return record

    def form(self, now: str | None) -> str | None:
        """What the body is, from the format's list; ``None`` if none of them."""
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

    def statutory(self, now: str | bool | None) -> str | bool | None:
        """The law that requires it (``True`` where it is required by a law not named), ``False``
        where none does, ``None`` where that is not known: no answer is assumed."""
        by_law = self.ask(
            "Is it required by law, statutory (yes, no, or ? if not known)",
            parse_fact,
            default=None if now is None else "no" if now is False else "yes",
            required=False,
        )
        if not by_law:
            return by_law  # no, or not known
        law = self.text("Which law", default=now if isinstance(now, str) else None, required=False)
        return law or True

    def item(self, what: str) -> Callable[[int], str | None]:
        """A question for the ``n``-th of a list of lines (for :meth:`many`)."""
        return lambda n: self.text(f"{what} {n}" + (" (empty to finish)" if n > 1 else ""), required=False)

    def new_id(self, text: str) -> str:
        """An id the register has no file for yet (or the one this entry already has)."""
        value = parse_id(text)
        if value != self.answers.get("id") and self.exists(value):
            raise Invalid(f"register/{value}.yaml already exists: choose another id, e.g. {value}-2")
        return value

    def priorities(self, *, now: list[str] | None = None) -> list[str]:
        """The council's priorities it serves, by number (or id, or name), from the settings."""
        ids = list(self.settings.priorities)
        self.say("The council's priorities:")
        for i, (pid, name) in enumerate(self.settings.priorities.items(), 1):
            self.say(f"  {i}. {name} ({pid})")
        picked = self.ask(
            "Which priorities does it serve (numbers, separated by commas)",
            choices(ids, self.settings.priorities),
            default=", ".join(str(ids.index(p) + 1) for p in now if p in ids) if now else None,
            required=False,
        )
        return picked or []

    def partner(self, n: int) -> dict[str, Any] | None:
        """The ``n``-th partner and its sector; ``None`` for an empty name. The first too may be not
        known yet (no list was kept): the entry is written with the gap, which lint reports, as
        ``add --from`` and ``import`` write it."""
        name = self.text(
            f"Partner {n} name{' (empty to finish)' if n > 1 else ' (? if not known yet)'}", required=False
        )
        if not name:
            return None
        sectors = ["public", "private", "voluntary", "community", "academic", "other"]
        sector = self.ask(
            f"  {name}: sector ({', '.join(sectors)}, or ? if not known)", choice(sectors), required=False
        )
        return {"name": name, "sector": sector} if sector else {"name": name}

    def outcome(self, n: int) -> dict[str, Any] | None:
        """The ``n``-th outcome, its measure and target; ``None`` for an empty one after the first."""
        description = self.text(f"Outcome {n}" + (" (empty to finish)" if n > 1 else ""), required=False)
        if not description:
            return None
        said = {
            "description": description,
            "measure": self.text("  How is it measured", required=False),
            "target": self.text("  Target", required=False),
        }
        return {k: v for k, v in said.items() if v is not None}

    def risk(self, n: int) -> dict[str, Any] | None:
        """The ``n``-th risk, how likely, its impact and mitigation; ``None`` for an empty one after the first."""
        description = self.text(f"Risk {n}" + (" (empty to finish)" if n > 1 else ""), required=False)
        if not description:
            return None
        levels = ["low", "medium", "high"]
        # no level is offered as the answer to take: one the council has not judged is not recorded
        said = {
            "description": description,
            "likelihood": self.ask(
                "  Likelihood (low, medium, high, or ? if not judged)", choice(levels), required=False
            ),
            "impact": self.ask(
                "  Impact (low, medium, high, or ? if not judged)", choice(levels), required=False
            ),
            "mitigation": self.text("  Mitigation", required=False),
        }
        return {k: v for k, v in said.items() if v is not None}


#: The policy's joint working, quoted where a yes to the forum question decides it.
_JOINT_WORKING = f'the policy defines joint-working as "{DEFINITIONS[Kind.JOINT_WORKING]}"'


def _only_a_forum(facts: dict[str, bool | None]) -> bool:
    """A yes to the forum question, whose facts decide no other kind: joint working. The question
    asks the policy's key difference ("Is it only a forum ..., with no formal agreement or no agreed
    outcomes?"), so a yes rules out a partnership, and its formal agreement is not asked again;
    the register's ``discussion_forum: true`` alone does not (a partnership board also discusses
    strategy), and the facts recorded lean to joint working, as `partreg classify` says."""
    return facts.get("discussion_forum") is True and classify(facts, missing=False).kind is None
