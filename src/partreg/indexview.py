"""The index of the published register, as data: a row per arrangement, a section per kind, the
totals at a glance and the lists by corporate priority (:class:`Index`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from partreg import columns as cols
from partreg.columns import Cell, Column, Money, Total
from partreg.markdown import _URL_SAFE, github_slugs
from partreg.models import FORM_LABELS, Arrangement, IndexColumn, Kind, Settings, plural
from partreg.pageview import significance_shown
from partreg.published import (
    STATUS_LABELS,
    UNKNOWN_KIND,
    UNKNOWN_KIND_DEFINITION,
    UNKNOWN_KIND_HEADING,
    clean,
    definition_of,
    kind_label,
    kind_value,
    status_of,
    title_of,
)

SECTION_HEADINGS = {
    Kind.PARTNERSHIP: "Partnerships",
    Kind.CONTRACT: "Contracts",
    Kind.JOINT_WORKING: "Joint working arrangements",
    Kind.COMMUNITY_FUNDING: "Community funding arrangements",
}


DEFAULT_INTRODUCTION = (
    "This register lists the partnerships and other arrangements the council has entered with other "
    "bodies: partnerships, contracts, joint working and community funding, each as the council's "
    "partnership policy defines it. The register is reviewed annually and updated accordingly."
)


NO_HTML = Markup("")


@dataclass
class Row:
    """One arrangement in the index; ``render_part`` adds its fragments, ``build_index`` its anchor
    and, once the columns are chosen, its whole row."""

    id: str
    title: str
    url: str
    anchor_md: str
    kind: str
    kind_label: str
    form: str
    status: str
    status_label: str
    priorities: list[str]
    priority_ids: list[str]
    search: str
    #: Every column's cell (``columns.cells``): the page shows those the settings choose.
    cells: dict[str, Cell]
    money: Money
    #: Columns the entry records something for that the defaults show only where some entry does.
    recorded: frozenset[str] = frozenset()
    html_cells: dict[str, Markup] = field(default_factory=dict)  # each cell as index.html shows it
    md_cells: dict[str, str] = field(default_factory=dict)  # each cell as register.md shows it
    html_head: Markup = NO_HTML  # the row's opening and its name (index_parts.html)
    html: Markup = NO_HTML  # its whole row of index.html's table, made by ``build_index``
    html_item: Markup = NO_HTML  # its line in index.html's lists by priority
    md: str = ""  # its row of register.md's table (register_parts.md), made by ``build_index``

    def __reduce__(self) -> tuple[type[Row], tuple[Any, ...]]:
        # sent from worker processes by the thousand: as a tuple, unpickled in half the time
        return Row, tuple(self.__dict__.values())


@dataclass(frozen=True)
class Section:
    kind: str
    heading: str
    anchor: str
    definition: str
    columns: list[Column]
    rows: list[Row]
    #: Where it has no rows while the kind of some arrangements is not recorded, what it says
    #: instead of "None at present" (:func:`none_of_kind`).
    none: str = ""


@dataclass(frozen=True)
class Priority:
    id: str
    name: str
    entries: list[Row]


@dataclass(frozen=True)
class Index:
    introduction: str
    #: Each kind's count and the council's money in its current arrangements.
    totals: list[Total]
    sections: list[Section]
    #: The corporate priorities some arrangement serves; ``unserved`` names the rest.
    priorities: list[Priority]
    unserved: list[str]
    #: What the lists by priority leave out: how many arrangements record no corporate priority,
    #: and how many one that is not the council's (shown on their pages as written).
    priority_notes: list[str]
    statuses: list[tuple[str, str]]
    #: How many register files could not be read, so are not shown (``render --allow-incomplete``).
    left_out: int = 0
    #: Arrangements whose next review has passed.
    overdue: int = 0
    #: Arrangements not ended that record neither a review nor a start: when a review is due is not known.
    undated: int = 0
    #: The register's default months between reviews.
    review_months: int = 12
    #: The anchors of the section of arrangements whose kind is not recorded, in index.html and in
    #: register.md; empty where every arrangement records its kind.
    unknown_anchor: str = ""
    unknown_anchor_md: str = ""

    @property
    def review_interval(self) -> str:
        """The register's default months between reviews, in words: ``12 months``, ``1 month``."""
        return plural(self.review_months, "month")


def none_of_kind(heading: str, unknown: int) -> str:
    """What a kind with no arrangements says while ``unknown`` arrangements do not record their kind:
    not that there are none, which the public would read as "the council has no partnerships"."""
    which = "arrangement" if unknown == 1 else "arrangements"
    return f"None recorded as {heading.lower()}; the kind of {unknown} {which} is not recorded"


def register_order(row: Row) -> tuple[bool, str]:
    """The order of the published register: current arrangements first, then by title."""
    return row.status == "ended", row.title.casefold()


def build_index(rows: list[Row], settings: Settings, anchor: str = "", left_out: int = 0) -> Index:
    """The index of ``rows`` (in file order). Each row's Markdown anchor is decided here, where
    every title is known: the ``anchor`` that stood for it in the row's Markdown is replaced. The
    columns are chosen here too, where it is known which an entry records. ``left_out`` files could
    not be read: the page says so."""
    ordered = sorted(rows, key=register_order)
    unknown = [r for r in ordered if r.kind == UNKNOWN_KIND]
    headings = [
        f"{settings.title}: {settings.council}",
        "At a glance",
        *SECTION_HEADINGS.values(),
        *([UNKNOWN_KIND_HEADING] if unknown else []),
        "Arrangements",
    ]
    all_slugs = github_slugs([*headings, *(r.title for r in ordered)])
    slugs = all_slugs[len(headings) :]
    picked = cols.chosen(settings, {IndexColumn(c) for r in rows for c in r.recorded})
    keys = [c.value for c in picked]
    for row, slug in zip(ordered, slugs, strict=True):
        row.anchor_md = f"#{slug}"
        if row.html_head:
            row.html = Markup("").join([row.html_head, *(row.html_cells[k] for k in keys), Markup("</tr>\n")])
        if anchor:
            row.md = row.md.replace(anchor, quote(slug, safe=_URL_SAFE))
        if row.md:
            row.md = "| " + " | ".join([row.md, *(row.md_cells[k] for k in keys)]) + " |\n"
    sections, totals = [], []
    for kind in (*Kind, None):  # the policy's four kinds, then any entries whose kind is not recorded
        kind_rows = [r for r in ordered if r.kind == kind_value(kind)]
        if kind is None and not kind_rows:
            continue
        heading = SECTION_HEADINGS[kind] if kind else UNKNOWN_KIND_HEADING
        none = none_of_kind(heading, len(unknown)) if unknown and not kind_rows else ""
        sections.append(
            Section(
                kind=kind_value(kind),
                heading=heading,
                anchor=kind_value(kind),
                definition=definition_of(kind) if kind else UNKNOWN_KIND_DEFINITION,
                columns=[Column("name", "Name"), *cols.columns(picked, kind)],
                rows=kind_rows,
                none=none,
            )
        )
        total = cols.totals(kind, heading, [(r.money, r.status) for r in kind_rows])
        totals.append(replace(total, none=none))
    priorities = [
        Priority(clean(pid), clean(name), [r for r in ordered if clean(pid) in r.priority_ids])
        for pid, name in settings.priorities.items()
    ]
    statuses = [(s, STATUS_LABELS[s]) for s in STATUS_LABELS if any(r.status == s for r in rows)]
    introduction = clean(settings.publish.introduction or DEFAULT_INTRODUCTION)
    nexts = [r.cells[IndexColumn.NEXT_REVIEW.value] for r in rows if r.status != "ended"]
    overdue = sum(c.mark == cols.OVERDUE for c in nexts)
    # (not one proposed with no start, nor one whose exit was decided: no review is due of either)
    undated = sum(c.lines == (cols.NEXT_NOT_KNOWN,) for c in nexts)
    return Index(
        introduction,
        totals,
        sections,
        [p for p in priorities if p.entries],
        [p.name for p in priorities if not p.entries],
        _priority_notes(rows, {clean(pid) for pid in settings.priorities}),
        statuses,
        left_out,
        overdue,
        undated,
        settings.review.default_months,
        UNKNOWN_KIND if unknown else "",
        f"#{all_slugs[len(headings) - 2]}" if unknown else "",
    )


def index_row(e: Arrangement, settings: Settings, today: dt.date, anchor: str) -> Row:
    names = settings.priorities
    status = status_of(e, today)
    level, _ = significance_shown(e, settings)
    money = cols.money_of(e, today)
    cells = cols.cells(e, settings, today, status, level, money)
    partners = "; ".join(clean(p.name) for p in e.partners if p.name)
    priorities = [clean(names.get(p, p)) for p in e.priorities]
    lead = e.lead
    who = [clean(x) for x in ((lead.role, lead.service, lead.member) if lead else ()) if x]
    search = " ".join([title_of(e), partners, clean(e.summary), *who, *priorities, kind_label(e.kind)])
    recorded = {IndexColumn.SIGNIFICANCE.value: bool(level), IndexColumn.RATING.value: bool(e.rating)}
    return Row(
        id=e.id,
        title=title_of(e),
        url=f"arrangements/{e.id}.html",
        anchor_md=f"#{anchor}",
        kind=kind_value(e.kind),
        kind_label=kind_label(e.kind),
        form=FORM_LABELS.get(e.form, "") if e.form else "",
        status=status,
        status_label=STATUS_LABELS[status],
        priorities=priorities,
        priority_ids=[clean(p) for p in e.priorities],
        search=search.casefold(),
        cells=cells,
        money=money,
        recorded=frozenset(k for k, v in recorded.items() if v),
    )


def _priority_notes(rows: list[Row], known: set[str]) -> list[str]:
    """What the lists by corporate priority leave out, in words: the arrangements that record none
    (where some do), and those that record one that is not one of the council's (lint's
    ``unknown-priority``), whose pages show it as written."""
    none = sum(not r.priority_ids for r in rows)
    other = sum(any(p not in known for p in r.priority_ids) for r in rows)
    notes = []
    if none and none < len(rows):
        notes.append(
            f"{plural(none, 'arrangement')} {'does' if none == 1 else 'do'} not record a corporate priority."
        )
    if other:
        notes.append(
            f"{plural(other, 'arrangement')} {'records' if other == 1 else 'record'} a priority that is not one of "
            f"the council's corporate priorities, shown on {'its page' if other == 1 else 'their pages'} as written."
        )
    return notes
