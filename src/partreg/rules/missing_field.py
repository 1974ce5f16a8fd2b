DOC = """A field every arrangement needs is not recorded.

What it checks:
    That every arrangement records its `id`, `title`, `kind`, `status`,
    `lead` (an officer's `role`, or the lead councillor, `member`) and at
    least one partner; and that each item of a list records what makes it
    that item: a partner its `name`, an outcome and a risk their
    `description`, a review its `date` and `outcome`, an agreement its `type`,
    a link its `title` and `url`; since 1.1, a representative a `member` or
    a `role`, a contribution its `year` and who it is `by`, a decision its
    `date`, a review's action its `description`. (When the arrangement began
    is `start-not-recorded`; the lead's service, `lead-service-not-recorded`.)
    A review whose date is none (`date: TBC`) or left empty (`date:`), and
    that records no outcome, says nothing of a review held: it is one
    problem, the review to remove (`wrong-type` for `TBC`, this rule for
    an empty date), and its outcome is not asked for as well.
Why it matters:
    An entry with gaps is still kept, listed and published, showing "Not
    recorded" where a value is missing; but the public, scrutiny and the
    policy's annual review need to know who leads and with whom. Many
    registers name only the lead councillor: that is a lead. Every gap in a
    file is reported in the same run, so fixing them never reveals more.

    Format: "Expected for every kind (rules, not a gate): `id`, `title`, `kind`, `status`, `lead`, `partners` (at least one), `start`."
Example:
    ```yaml
    lead:
      service: Community Safety
    ```
Instead:
    ```yaml
    lead:
      role: Community Safety Manager
      service: Community Safety
    ```
"""

from collections.abc import Iterator, Sequence

from pydantic import BaseModel

from partreg.dateadvice import EXIT_REVIEW_DATE, REVIEW_DATE, not_held_advice
from partreg.models import Arrangement, ReviewRecord
from partreg.problems import Context, Hit, Key, Rule, Severity, dotted
from partreg.rules import decision_date_not_recorded

ID = "missing-field"

#: What each list item must record, by the list's key.
_ITEMS: tuple[tuple[str, Sequence[str]], ...] = (
    ("partners", ("name",)),
    ("outcomes", ("description",)),
    ("risks", ("description",)),
    ("links", ("title", "url")),
    ("contributions", ("year", "by")),
    ("decisions", ("date",)),
)


def _missing(key: Key, model: type[BaseModel]) -> Hit:
    name = str(key[-1])
    where = f" in {dotted(key[:-1])}" if len(key) > 1 else ""
    about = (model.model_fields[name].description or "").rstrip(".")
    return Hit(key, f"{name!r} is not recorded{where}: add `{name}:`, {about[:1].lower()}{about[1:]}", True)


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    for name in ("title", "kind", "status"):
        if getattr(entry, name) is None:
            yield _missing((name,), Arrangement)
    if entry.lead is None:
        yield _missing(("lead",), Arrangement)
    elif entry.lead.role is None and entry.lead.member is None:
        yield Hit(
            ("lead", "role"),
            "the lead is not recorded: add `role:` under `lead`, the lead officer's role (not a name), "
            "or `member:`, the lead councillor",
            True,
            about=(("lead", "role"), ("lead", "member")),
        )
    if not entry.partners:
        yield Hit(
            ("partners",),
            "no partner is recorded: add `partners:` with each body's `- name:` "
            "(an arrangement is made with at least one other body)",
            True,
        )
    for list_name, needed in _ITEMS:
        for i, item in enumerate(getattr(entry, list_name)):
            for name in needed:
                if getattr(item, name) is not None:
                    continue
                if (list_name, name) == ("decisions", "date"):  # a decision that records nothing at all
                    if not decision_date_not_recorded.records_something(item):
                        yield Hit(
                            (list_name, i),
                            f"decisions[{i}] records nothing: add `body:`, who decided, and `date:`, when; "
                            "or remove it (and `decisions:` with it, where it is the only one)",
                            True,
                        )
                else:
                    yield _missing((list_name, i, name), type(item))
    for i, person in enumerate(entry.representatives):
        if person.member is None and person.role is None:
            yield Hit(
                ("representatives", i),
                f"representatives[{i}] names nobody: add `member:`, the councillor, or `role:`, the officer's role",
                about=(("representatives", i, "member"), ("representatives", i, "role")),
            )
    if entry.agreement is not None and entry.agreement.type is None:
        yield _missing(("agreement", "type"), type(entry.agreement))
    for i, record in enumerate(entry.review.history if entry.review else []):
        yield from _review(i, record, ctx.review_id, ctx)
        for j, action in enumerate(record.actions):
            if action.description is None:
                yield _missing(("review", "history", i, "actions", j, "description"), type(action))


def _review(i: int, record: ReviewRecord, arrangement: str | None, ctx: Context) -> Iterator[Hit]:
    """A review that lacks its outcome or its date, named by what it has: a sheet's "Last reviewed"
    column gives a review's date, and a "Review outcome" column its outcome, without the other."""
    date: Key = ("review", "history", i, "date")
    if record.date is not None and record.outcome is None:
        command = (
            f"; or `partreg review {arrangement} --date {record.date} --outcome continue` (or amend, or exit) "
            "adds it to this review"
            if arrangement
            else ""
        )
        yield Hit(
            ("review", "history", i, "outcome"),
            f"the review of {record.date} records no outcome: add `outcome:` under its date, what the "
            "review decided: continue, amend or exit (since format 1.1 also reassess or proposed-for-removal)"
            + command,
            True,
        )
    elif record.date is None and record.outcome is None and not (ctx.aside and ctx.aside(date)):
        # `- date:` with nothing after it: one problem, as `- date: TBC` is (a date set aside as wrong,
        # `12/03/2024`, says a review was held: it is told its date, and its outcome is asked for here)
        yield Hit(
            date,
            "a review is recorded with no date and no outcome: "
            + not_held_advice(arrangement, bool(record.notes or record.actions)),
            True,
        )
    elif record.date is None:
        said = f" (its outcome: {record.outcome})" if record.outcome is not None else ""
        advice = EXIT_REVIEW_DATE if record.outcome == "exit" else REVIEW_DATE
        yield Hit(date, f"a review is recorded with no date{said}: {advice}", True)
        if record.outcome is None:
            yield _missing(("review", "history", i, "outcome"), type(record))


RULE = Rule(ID, Severity.ERROR, DOC or "", check, gap=True)
