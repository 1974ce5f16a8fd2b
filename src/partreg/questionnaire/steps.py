"""The form's questions: what is asked for a new entry, in what order, when each applies, how it reads.

Each question is a :class:`Step`: its key in the answers, its label in the
summary, how it is asked, when it applies (most only to one kind), and how
its answer is shown back. The summary numbers them in this order, and an
answer changed there asks again the answers that depend on it
(:data:`DEPENDS`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from partreg.models import FORM_LABELS, Kind, PartialDate
from partreg.questionnaire.answers import (
    Amount,
    choice,
    earliest,
    parse_covers,
    parse_fact,
    parse_months,
    parse_route,
    parse_text,
    typed,
)
from partreg.questionnaire.draft import VALUE_COVERS, free_id, propose_id
from partreg.questionnaire.questions import Questions


@dataclass(frozen=True)
class Step:
    """One question of the form: its key in the answers, its label in the summary, how it is asked
    (given the answer so far, ``None`` the first time), when it applies, and how its answer reads."""

    key: str
    label: str
    ask: Callable[[Any], Any]
    applies: Callable[[], bool] = lambda: True
    shown: Callable[[Any], str] = lambda v: typed(v) or "(not recorded)"


#: Why the title and the status cannot be left out, as said where they are not given.
TITLE_NEEDED = "the title names it on the register, and its id (the file's name) is made from it"
STATUS_NEEDED = "whether it is proposed, in force or ended decides what is shown and when it is reviewed"

#: The answers asked again when the one they depend on changes: checked against it, or defaulted from it.
DEPENDS = {
    "start": ("end", "last_review", "period_start"),
    "value": ("value_covers",),
    "end": ("period_end",),
    "status": ("start", "end"),
    "period_start": ("period_end",),
}


def steps_of(q: Questions) -> list[Step]:
    """Every question of the form, in the order asked; each says when it applies."""
    a = q.answers

    def kind() -> Kind | None:
        return a["kind"][1] if "kind" in a else None

    def reviewed() -> bool:
        """It may have been reviewed: it is not proposed, and its start is not known to be today or
        later (where it is not known, it may have run for years)."""
        start = a.get("start")
        return a.get("status") != "proposed" and (start is None or earliest(start) < q.today)

    def of(k: Kind) -> Callable[[], bool]:
        return lambda: kind() is k

    contract, funding, partnership = of(Kind.CONTRACT), of(Kind.COMMUNITY_FUNDING), of(Kind.PARTNERSHIP)
    return [
        *_the_arrangement(q, kind),
        *_who(q, kind),
        *_when(q, reviewed),
        *_contract(q, contract),
        *_funding(q, funding),
        *_partnership_aims(q, partnership),
        *_partnership_means(q, partnership),
    ]


def _the_arrangement(q: Questions, kind: Callable[[], Kind | None]) -> list[Step]:
    """What it is: its title, kind, id, status and purpose."""
    a = q.answers
    return [
        Step(
            "title",
            "Title",
            lambda now: q.need(
                "Title of the arrangement",
                parse_text,
                default=now,
                why=TITLE_NEEDED,
            ),
        ),
        Step("kind", "Kind", q.ask_kind, shown=lambda v: f"{v[1].value}"),
        Step(
            "id",
            "Id (the file name)",
            lambda now: q.need(
                "Id (the file name)",
                q.new_id,
                default=now or free_id(propose_id(a["title"]), q.exists),
                why="the id is the file's name: press Enter for the one offered",
            ),
        ),
        Step(
            "status",
            "Status",
            lambda now: q.need(
                "Status (proposed, active, ended)",
                choice(["proposed", "active", "ended"]),
                default=now or "active",
                why=STATUS_NEEDED,
            ),
        ),
        _text(q, "summary", "What it is for", "What is it for, in a sentence"),
    ]


def _who(q: Questions, kind: Callable[[], Kind | None]) -> list[Step]:
    """Who leads it, who is in it, and what it serves."""
    return [
        Step(
            "role",
            "Lead officer's role",
            lambda now: q.ask(
                "Lead officer's role (a role, not a name; empty if not known)",
                q.role,
                default=now,
                required=False,
            ),
        ),
        _text(q, "service", "Lead service"),
        _text(q, "member", "Lead councillor", "Lead councillor or portfolio holder"),
        Step(
            "form",
            "What the body is",
            q.form,
            applies=lambda: kind() in (Kind.PARTNERSHIP, Kind.JOINT_WORKING),
            shown=lambda v: FORM_LABELS[v] if v else "(not said)",
        ),
        Step(
            "representatives",
            "Council representatives",
            lambda now: q.ask(
                "The council's representatives on it (councillors or roles, separated by commas)",
                q.representatives,
                default=", ".join(now) if now else None,
                required=False,
            ),
            applies=lambda: kind() in (Kind.PARTNERSHIP, Kind.JOINT_WORKING),
            shown=lambda v: "; ".join(v) if v else "(none)",
        ),
        Step(
            "priorities",
            "Priorities",
            lambda now: q.priorities(now=now),
            applies=lambda: bool(q.settings.priorities),
            shown=lambda v: "; ".join(q.settings.priorities.get(p, p) for p in v) if v else "none",
        ),
        Step(
            "partners",
            "Partners",
            lambda now: q.many("partner is", q.partner, now=now),
            shown=lambda v: (
                "; ".join(f"{p['name']} ({p.get('sector', 'sector not recorded')})" for p in v)
                or "none recorded"
            ),
        ),
    ]


def _when(q: Questions, reviewed: Callable[[], bool]) -> list[Step]:
    """When it starts and ends, and when it was last reviewed. No start is assumed: today would hide
    a review years overdue, and a proposed arrangement has not started."""
    a = q.answers

    def start(now: Any) -> Any:
        if a.get("status") == "proposed":
            return q.date("When is it to start (empty if not known yet)", default=now, required=False)
        return q.date("Start date (empty if not known)", default=now, required=False)

    return [
        Step("start", "Start", start),
        Step(
            "end",
            "End",
            lambda now: q.date("End date", default=now, required=False, after=a.get("start"), no_end=True),
        ),
        Step("last_review", "Last review", q.last_review, applies=reviewed, shown=_review_shown),
    ]


def _contract(q: Questions, contract: Callable[[], bool]) -> list[Step]:
    """What a contract needs: its reference, value, supplier and route."""
    return [
        _text(q, "reference", "Contract reference", applies=contract),
        _money(q, "value", "Contract value", "Contract value in pounds", contract),
        Step(
            "value_covers",
            "The value covers",
            lambda now: q.need(
                "Is that a year's value, or the whole contract's (year, whole, or ? if not known)",
                parse_covers,
                default=now or "?",
            ),
            applies=lambda: contract() and _covers_unsaid(q.answers.get("value")),
            shown=lambda v: VALUE_COVERS[v][1],
        ),
        _text(
            q,
            "supplier_registration",
            "Supplier's company or charity number",
            "The supplier's company or charity number",
            contract,
        ),
        Step(
            "procurement_route",
            "Let through",
            lambda now: q.ask(
                "Was it let through an invitation to quote (quote), a published invitation to tender "
                "(tender), or another route (say which, e.g. framework)",
                parse_route,
                default=now,
                required=False,
            ),
            applies=contract,
        ),
        _supplier_is(q, "supplier_sme", "an SME", "a small or medium-sized enterprise", contract),
        _supplier_is(
            q,
            "supplier_vcse",
            "a VCSE",
            "a voluntary, community or social enterprise organisation",
            contract,
        ),
    ]


def _funding(q: Questions, funding: Callable[[], bool]) -> list[Step]:
    """What community funding needs: the amount, the period, the recipient and the actions."""
    a = q.answers
    return [
        _money(q, "amount", "Funding", "Amount of funding in pounds", funding),
        Step(
            "period_start",
            "Funded period starts",
            lambda now: q.date("Funded period starts", default=now or a.get("start"), required=False),
            applies=funding,
        ),
        Step(
            "period_end",
            "Funded period ends",
            lambda now: q.date(
                "Funded period ends", default=now or a.get("end"), required=False, after=a.get("period_start")
            ),
            applies=funding,
        ),
        Step(
            "award_date",
            "Awarded on",
            lambda now: q.date("When was it awarded", default=now, required=False),
            applies=funding,
        ),
        _text(
            q,
            "recipient_registration",
            "Recipient's charity or company number",
            "The recipient's charity or company number",
            funding,
        ),
        _lines(q, "actions", "Actions agreed in return", "Action agreed in return", funding),
    ]


def _partnership_aims(q: Questions, partnership: Callable[[], bool]) -> list[Step]:
    """What a partnership is for: the law that requires it, its objectives and outcomes."""
    return [
        Step(
            "statutory",
            "Required by law",
            q.statutory,
            applies=partnership,
            shown=lambda v: {True: "yes (the law not recorded)", False: "no", None: "not known"}.get(v, v),
        ),
        _lines(q, "objectives", "Shared objectives", "Shared objective", partnership),
        Step(
            "outcomes",
            "Outcomes",
            lambda now: q.many("outcome is", q.outcome, now=now),
            applies=partnership,
            shown=lambda v: _items(
                [f"{o['description']} (target: {o.get('target', 'not recorded')})" for o in v]
            ),
        ),
    ]


def _partnership_means(q: Questions, partnership: Callable[[], bool]) -> list[Step]:
    """What a partnership puts in and watches: its resources, added value, risks and reviews."""
    return [
        _money(
            q, "council_funding", "Council funding a year", "Council funding in pounds a year", partnership
        ),
        _text(q, "staff", "Council staff time", "Council staff time, such as 0.5 FTE", partnership),
        _text(q, "partners_commit", "What the partners commit", applies=partnership),
        _text(q, "added_value", "Added value", "Added value: what working together achieves", partnership),
        Step(
            "risks",
            "Risks",
            lambda now: q.many("risk is", q.risk, now=now),
            applies=partnership,
            shown=lambda v: _items(
                [f"{r['description']} ({_level(r, 'likelihood')}/{_level(r, 'impact')})" for r in v]
            ),
        ),
        Step(
            "months",
            "Months between reviews",
            lambda now: q.ask(
                "Months between reviews",
                parse_months,
                default=str(now or q.settings.review.default_months),
                required=False,
            ),
            applies=partnership,
        ),
    ]


def _text(
    q: Questions, key: str, label: str, question: str = "", applies: Callable[[], bool] = lambda: True
) -> Step:
    """A line of text that may be left out where it is not known (``?``, ``TBC``), as lint reports."""
    return Step(key, label, lambda now: q.text(question or label, default=now, required=False), applies)


def _money(q: Questions, key: str, label: str, question: str, applies: Callable[[], bool]) -> Step:
    """An amount in pounds, read as ``import`` reads one, that may be left out where it is not known."""
    return Step(
        key,
        label,
        lambda now: q.money(question, default=now),
        applies,
        _pounds,
    )


def _lines(q: Questions, key: str, label: str, item: str, applies: Callable[[], bool]) -> Step:
    """A list of lines (objectives, actions), one asked at a time; none where they are not known."""
    return Step(key, label, lambda now: q.many(item.lower(), q.item(item), now=now), applies, _items)


def _supplier_is(q: Questions, key: str, short: str, long: str, applies: Callable[[], bool]) -> Step:
    """Whether a contract's supplier is an SME, or a VCSE: yes, no, or not known."""
    return Step(
        key,
        f"Supplier is {short}",
        lambda now: q.ask(
            f"Is the supplier {long} (yes, no, ?)", parse_fact, default=_fact_word(now), required=False
        ),
        applies=applies,
        shown=lambda v: {True: "yes", False: "no", None: "not known"}[v],
    )


def _fact_word(value: bool | None) -> str | None:
    return {True: "yes", False: "no"}.get(value) if value is not None else None


def _pounds(value: Amount | None) -> str:
    if value is None:
        return "(not recorded)"
    return f"{value.read_as()}, as given: {value.said}" if value.qualified else value.read_as()


def _covers_unsaid(value: Amount | None) -> bool:
    """A contract's value is known, and does not say whether it is a year's ("£12,500 pa" does)."""
    return value is not None and not value.yearly


def _items(items: list[str]) -> str:
    return "; ".join(items) or "(not recorded)"


def _level(risk: dict[str, Any], name: str) -> str:
    return str(risk.get(name, "?"))


def _review_shown(record: dict[str, Any] | None) -> str:
    if not record:
        return "none recorded"
    by = f", by {record['by']}" if record.get("by") else ""
    return f"{PartialDate.parse(record['date']).display()} ({record['outcome']}{by})"
