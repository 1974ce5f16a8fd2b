"""Values as the published register writes them: text without control characters, UK dates,
pounds, web links only, and the short phrases a page and the open data share (a decision, a
representative, a grant awarded)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from urllib.parse import urlsplit

from partreg.classify import DEFINITIONS
from partreg.models import (
    KIND_LABELS,
    Arrangement,
    Award,
    Decision,
    Extension,
    Kind,
    PartialDate,
    Representative,
    ReviewAction,
    every,
    without_unshown,
)
from partreg.review import last_review, over_in_fact, went_on

#: What a page shows where a value every arrangement should have is missing.
NOT_RECORDED = "Not recorded"


def clean(value: object) -> str:
    """A value as published text (no control characters or characters that reorder text)."""
    return "" if value is None else without_unshown(str(value))


def uk_date(value: dt.date | PartialDate | None) -> str:
    """A date as a UK page writes it: ``1 July 2022``, ``April 2016`` or ``2001``; empty for none."""
    if value is None:
        return ""
    return (value if isinstance(value, PartialDate) else PartialDate.parse(value)).display()


def pounds(value: float | None) -> str:
    """``£25,000``, ``£1,000.50``; empty for none."""
    if value is None:
        return ""
    if isinstance(value, int):  # (whole pounds, of any size: a float of them would overflow)
        return f"£{value:,}"
    return f"£{value:,.0f}" if value.is_integer() else f"£{value:,.2f}"


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an http, https or mailto address, else ``None`` (shown as text, not a link)."""
    if not url:
        return None
    text = url.strip()
    # a character of Unicode's "other" categories (control, format, unassigned) is not printable;
    # an address holding one is not linked (the look is in C; a character at a time only if needed)
    if not text.isprintable() and any(unicodedata.category(ch)[0] == "C" for ch in text):
        return None
    if not text[:7].lower().startswith(("http:", "https:", "mailto:")):
        return None
    if "[" in text or "]" in text or not text.isascii():
        try:
            urlsplit(text)  # refuses a malformed host: an unclosed `[`, a look-alike of `/` or `@`
        except ValueError:
            return None
    return text


def title_of(e: Arrangement) -> str:
    """What a published page calls the arrangement: its title, or where none is recorded, says so
    (with its id, which its page's address carries anyway)."""
    return clean(e.title) if e.title else f"Untitled arrangement ({clean(e.id)})"


def lead_of(e: Arrangement) -> str:
    """The lead officer: ``Role, Service``, or ``Role``; empty where no role is recorded (a service
    alone is not an officer: :func:`lead_service_of`)."""
    if not e.lead or not e.lead.role:
        return ""
    return ", ".join(p for p in (clean(e.lead.role), clean(e.lead.service)) if p)


def lead_service_of(e: Arrangement) -> str:
    """The lead service, where it is recorded without an officer's role (with one, :func:`lead_of`
    names it after the role)."""
    return clean(e.lead.service) if e.lead and not e.lead.role else ""


def representative(r: Representative) -> str:
    """``Cllr A. Patel, Portfolio Holder for Housing (voting member, appointed May 2024)``."""
    who = ", ".join(clean(x) for x in (r.member, r.role) if x)
    how = ", ".join(x for x in (clean(r.capacity), r.appointed and f"appointed {uk_date(r.appointed)}") if x)
    return f"{who} ({how})" if how else who


def decision(d: Decision) -> str:
    """``13 March 2024, Cabinet (Minute 123): Agreed the terms of reference.``"""
    head = ", ".join(x for x in (uk_date(d.date), clean(d.body)) if x) or "Decision"
    ref = f" ({clean(d.reference)})" if d.reference else ""
    return f"{head}{ref}: {clean(d.summary)}" if d.summary else f"{head}{ref}"


def extension(x: Extension) -> str:
    """``3 years, to 31 March 2030 (available)``."""
    years = x.years and f"{x.years:g} year{'' if x.years == 1 else 's'}"
    parts = [p for p in (years, x.until and f"to {uk_date(x.until)}") if p]
    return ", ".join(parts or ["An extension"]) + (f" ({x.status})" if x.status else "")


def reporting_shown(e: Arrangement) -> str:
    """``Audit and Scrutiny Committee, every 12 months; last reported 12 March 2025``."""
    r = e.reporting
    if r is None:
        return ""
    head = ", ".join(x for x in (clean(r.committee), r.months and every(r.months, "month")) if x)
    last = r.last_report and f"last reported {uk_date(r.last_report)}"
    return "; ".join(x for x in (head, last) if x)


def award(a: Award) -> str:
    """``Riverside Youth Club: £1,500, awarded 1 May 2025, for 1 June 2025 to 31 March 2026 — Summer
    activities``: one grant of a scheme, as far as it is recorded."""
    when = a.award_date and f"awarded {uk_date(a.award_date)}"
    period = a.period_start and a.period_end and f"for {uk_date(a.period_start)} to {uk_date(a.period_end)}"
    said = ", ".join(x for x in (pounds(a.amount_gbp) or "amount not recorded", when, period) if x)
    purpose = f" — {clean(a.purpose)}" if a.purpose else ""
    return f"{clean(a.recipient) or 'Recipient not recorded'}: {said}{purpose}"


def action_shown(a: ReviewAction) -> str:
    """``Agree a data sharing protocol (Community Safety Manager; due December 2025; done ...)``."""
    said = [clean(a.owner), a.due and f"due {uk_date(a.due)}", a.done and f"done {uk_date(a.done)}"]
    detail = "; ".join(x for x in said if x)
    return f"{clean(a.description) or 'Action'}{f' ({detail})' if detail else ''}"


STATUS_LABELS = {
    "active": "Active",
    "proposed": "Proposed",
    "ended": "Ended",
    "not-recorded": "Status not recorded",
}


UNKNOWN_KIND_DEFINITION = "The register does not yet record which of the policy's four kinds these are."


UNKNOWN_KIND_HEADING = "Arrangements whose kind is not recorded"


#: The section of arrangements whose kind is not recorded: after the policy's four, when there are any.
UNKNOWN_KIND = "kind-not-recorded"


def status_of(e: Arrangement, today: dt.date) -> str:
    """The status to publish: ended when its end has passed, whatever the file says, unless a review
    after that end went on (``review-due`` shows its reviews due, and so does the page)."""
    if over_in_fact(e, today):
        return "ended"
    return e.status.value if e.status else "not-recorded"


def start_label(e: Arrangement, status: str, today: dt.date) -> str:
    """How its start is said: ``Started``; ``Starts`` where it is still to come, or is proposed (not
    begun) and its start (the whole month or year of it) has not passed; ``Was to start`` where it
    is proposed and its start has passed (``status-contradicted`` asks which is so), or it is
    recorded as ended and its start is still to come."""
    if e.start is None:  # (said not recorded)
        return "Starts" if status == "proposed" else "Started"
    if status == "proposed":  # not begun: late only once the whole of its start has passed, as lint says
        return "Was to start" if e.start.latest < today else "Starts"
    if status == "ended" and e.start.earliest > today:  # ended before it began
        return "Was to start"
    return "Starts" if e.start.earliest > today else "Started"


def ended_early(e: Arrangement, status: str, today: dt.date) -> bool:
    """Recorded as ended, with an end still wholly to come: it ended before its recorded end (as the
    page says it: ``Ended before its recorded end, 31 March 2030``; ``status-contradicted`` asks which
    of the two is so)."""
    return status == "ended" and e.end is not None and e.end.earliest > today


def end_shown(e: Arrangement, status: str, today: dt.date) -> tuple[str, str]:
    """How an arrangement's page says its end: ``("Ends", "31 March 2027")``; ``("Ended", "before its
    recorded end, 31 March 2030")`` (:func:`ended_early`); ``("End", "31 March 2023, which has passed;
    it was reviewed after it ...")`` (:func:`end_passed`); the value empty where none is recorded."""
    if e.end is None:  # (ended: said not recorded; else none is shown)
        return ("Ended", "Date not recorded") if status == "ended" else ("Ends", "")
    if why := end_passed(e, today):
        return "End", f"{uk_date(e.end)}, which has passed; {why}"
    if ended_early(e, status, today):
        return "Ended", f"before its recorded end, {uk_date(e.end)}"
    return ("Ended" if status == "ended" else "Ends"), uk_date(e.end)


def end_passed(e: Arrangement, today: dt.date) -> str:
    """Where its end has passed but a review after it went on (:func:`partreg.review.went_on`), why
    it is not shown as ended, as ``review-due`` says it: ``it was reviewed after it, on 20 May 2024,
    and that review did not end it``; else empty."""
    if e.end is None or not went_on(e, today):
        return ""
    if e.went_on_unsaid:  # (the council keeps its reviews internal)
        return "the council has recorded that it goes on"
    last = last_review(e)
    return f"it was reviewed after it{f', {last.when()},' if last else ''} and that review did not end it"


def kind_label(kind: Kind | None) -> str:
    return KIND_LABELS[kind] if kind else "Kind not recorded"


def kind_value(kind: Kind | None) -> str:
    """The kind as the page's filters and anchors name it."""
    return kind.value if kind else UNKNOWN_KIND


def definition_of(kind: Kind | None) -> str:
    if kind is None:
        return "The register does not yet record which of the policy's four kinds of arrangement this is."
    return f"The council's policy defines {KIND_LABELS[kind].lower()} as {DEFINITIONS[kind]}."
