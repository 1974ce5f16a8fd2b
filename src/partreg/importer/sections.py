"""Section headings within a sheet: a row holding only "Contracts", "Grants" or "Strategic
partnerships" gives its kind to the rows below it that give none, each named at its row and in its
notes, until a row gives another kind of its own (the section is over: the sheet has moved on), a
title alone whose words decide no kind (a heading of another sort, or an entry with gaps), or the
next heading.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from partreg.importer.draft import Draft, Finding
from partreg.importer.headers import Column
from partreg.importer.synonyms import words_of
from partreg.importer.values import kind_from_label, quoted
from partreg.models import Kind

#: The words of a section heading within a sheet ("Strategic partnerships", "Contracts"), which
#: sets the kind of the rows below it; a row titled "Essex Climate Action Network" is an entry.
_SECTION_WORDS = frozenset(
    [
        "strategic",
        "significant",
        "statutory",
        "key",
        "external",
        "other",
        "and",
        "partnership",
        "contract",
        "contractual",
        "arrangement",
        "joint",
        "working",
        "collaborative",
        "shared",
        "community",
        "funding",
        "grant",
        "agreement",
        "forum",
        "network",
    ]
)


def heading(text: str, row: int) -> Section | None:
    """The section a row holding only ``text`` begins, where its words are a heading's and decide a
    kind; ``None`` for a row that is no such heading."""
    kind, extra = kind_from_label(text)
    if kind is None or not set(words_of(text)) <= _SECTION_WORDS:
        return None
    return Section(kind, extra, row, text)


@dataclass
class Section:
    """A heading's section: its kind (and what else its words say, "Significant" a high
    significance), and the row and text of the heading."""

    kind: Kind
    extra: dict[str, Any]
    row: int
    text: str

    @property
    def what(self) -> str:
        """What the heading gives: ``kind community-funding`` (``, significance high``)."""
        return ", ".join(f"{key} {value}" for key, value in {"kind": self.kind.value, **self.extra}.items())

    def passed(self) -> str:
        """What the report says of the heading's row, passed over."""
        return (
            f"a section heading: each row below that gives no kind takes its {self.what}, and is named; "
            "the section ends at a row that gives another kind"
        )

    def give(
        self, draft: Draft, number: int, title: Column | None, kind: Column | None, labelled: bool
    ) -> bool:
        """Give the heading's kind to a row's ``draft`` that gives none, named at the row and in its
        notes (a warning where the row's title names another kind); or, where the row gives another
        kind, say that the section ends there. A row whose kind cell is ``labelled`` in words that
        decide no kind ("Alliance") is left for the officer, as its cell says. Whether the section
        goes on below the row."""
        given = draft.data.get("kind")
        if given is None and labelled:
            return True
        if given is not None:
            if given == self.kind.value:
                return True
            message = (
                f"the row gives the kind {given}: the section under the heading {quoted(self.text)} (row "
                f"{self.row}) ends here, and the rows below that give no kind are not given its {self.what}"
            )
            draft.findings.append(Finding(number, kind, message, "note"))
            return False
        draft.data["kind"] = self.kind.value
        for key, value in self.extra.items():
            draft.data.setdefault(key, value)
        draft.notes.append(f"From the sheet's heading {self.text!r} (row {self.row}): {self.what}")
        message = (
            f"no kind of its own: given the {self.what} of the heading {quoted(self.text)} (row {self.row})"
        )
        named = kind_from_label(str(draft.data.get("title", "")))[0]
        other = named is not None and named is not self.kind
        if other:
            message += f", though its title's words name {named}: check it, and record its kind"
        draft.findings.append(Finding(number, title, message, "warning" if other else "note"))
        return True
