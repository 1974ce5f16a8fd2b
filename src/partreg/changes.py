"""The register's public change history, from git: what changed in each arrangement, and when, in
words the public can read, and as an Atom feed (``changes.atom``).

Only public data is compared: every version is read as the published page reads it
(:func:`partreg.export.public_entry`), so a commit that changed only ``internal``, a field the
settings keep internal, risks or contact details that are not published, is no public change.
The commits' authors and messages are never read: an officer's name is personal data, and a
message may quote internal notes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple
from urllib.parse import quote, urljoin

from partreg.export import full_record, public_entries
from partreg.models import (
    OUTCOME_LABELS,
    Arrangement,
    Settings,
    Status,
    read_arrangement,
    without_unshown,
)
from partreg.readers import ascii_slug
from partreg.review import is_over, newest_review
from partreg.versions import UNREADABLE, Revision

What = Literal["added", "reviewed", "amended", "ended", "removed"]

#: How a feed's entry title names each kind of change.
WHAT_WORDS: dict[str, str] = {
    "added": "added",
    "reviewed": "review recorded",
    "amended": "amended",
    "ended": "ended",
    "removed": "removed",
}

#: Top-level fields in plain words, where the field's name with spaces for underscores is not.
FIELD_WORDS: dict[str, str] = {
    "start": "start date",
    "end": "end date",
    "review": "reviews",
    "last_verified": "date last verified",
    "replaces": "arrangements it replaces",
    "replaced_by": "arrangements that replaced it",
}


@dataclass(frozen=True)
class PublicChange:
    """One commit's public change to one arrangement."""

    id: str  #: the arrangement's id (its file's name without .yaml)
    commit: str  #: the full commit id
    date: str  #: the commit's date, ISO 8601 with its offset from UTC
    day: str  #: the commit's day, YYYY-MM-DD
    what: What
    summary: str  #: a short sentence for the public, e.g. "Amended: partners, end date."
    title: str  #: the arrangement's title in that version (its id where it has none)

    def as_dict(self) -> dict[str, str]:
        return dataclasses.asdict(self)


def register_changes(revisions: Iterable[Revision], settings: Settings) -> dict[str, list[PublicChange]]:
    """Each arrangement's public changes in ``revisions`` (newest first, a commit's files together,
    as :func:`partreg.history.folder_revisions` reads them from git), newest first, by id. An
    arrangement none of whose commits changed anything public is left out.

    A commit's change to an arrangement is ``added`` (its file created), ``removed`` (deleted),
    ``reviewed`` (a review added to its history), ``ended`` (its status became ended, or its end
    was set to the commit's day or before), else ``amended``, naming the public fields changed. A
    version partreg cannot read is compared as a whole: "Amended." A file renamed is the old id
    removed and the new one added, as an id is its file's name. A merge commit adds no change of
    its own: the commits it merged show them.
    """
    out: dict[str, list[PublicChange]] = {}
    # by id: the public versions its latest change compared (the next change, older, has one of them)
    carried: dict[str, dict[str | None, Any]] = {}
    merged = _merged(revisions)
    while chunk := list(itertools.islice(merged, CHUNK)):
        known = {(i, blob): v for i, versions in carried.items() for blob, v in versions.items()}
        public = _public_versions(chunk, known, settings)
        for r in chunk:
            carried[r.id] = {blob: public[r.id, blob] for blob in (r.old_blob, r.new_blob)}
            if r.old_blob == r.new_blob:
                continue  # only the file's mode changed
            change = _change(r, public[r.id, r.old_blob], public[r.id, r.new_blob])
            if change is not None:
                out.setdefault(r.id, []).append(change)
    return {k: sorted(v, key=_newest_first) for k, v in sorted(out.items())}


#: Changes read at a time: each batch's versions are made public together (as
#: :func:`partreg.export.public_entries` is meant to be called), and no more are held at once.
CHUNK = 500


def _merged(revisions: Iterable[Revision]) -> Iterator[Revision]:
    """One revision for each arrangement a commit changed: ``x.yml`` deleted and ``x.yaml`` created
    in one commit is one change to ``x`` (git lists a commit's files together)."""
    for _, files in itertools.groupby(revisions, key=lambda r: r.commit):
        by_id: dict[str, Revision] = {}
        for r in files:
            held = by_id.get(r.id)
            if held is not None:  # the version there was, and the version there is, of either file
                old, old_blob = (held.old, held.old_blob) if held.old is not None else (r.old, r.old_blob)
                new, new_blob = (held.new, held.new_blob) if held.new is not None else (r.new, r.new_blob)
                r = dataclasses.replace(held, old=old, new=new, old_blob=old_blob, new_blob=new_blob)
            by_id[r.id] = r
        yield from by_id.values()


class _Public(NamedTuple):
    """A version as the published page reads it: the public entry, and its fields that are set."""

    entry: Arrangement
    record: dict[str, Any]


def _public_versions(
    chunk: list[Revision], known: dict[tuple[str, str | None], Any], settings: Settings
) -> dict[tuple[str, str | None], Any]:
    """``known``, and each version in ``chunk`` by its id and blob: ``None`` where there was no file,
    :data:`UNREADABLE` where it could not be read, else only what may be published of it. A wrong
    value is set aside, as every command reads an entry (:func:`partreg.models.read_arrangement`):
    what is not read is not published either."""
    found = dict(known)
    readable: dict[tuple[str, str | None], dict[str, Any]] = {}
    for r in chunk:
        for blob, data in ((r.old_blob, r.old), (r.new_blob, r.new)):
            key = (r.id, blob)
            if key in found or key in readable:
                continue
            if isinstance(data, dict):
                readable[key] = data
            else:
                found[key] = None if data is None else UNREADABLE
    entries = [read_arrangement(data, file_id)[0] for (file_id, _), data in readable.items()]
    for key, entry in zip(readable, public_entries(entries, settings), strict=True):
        found[key] = _Public(entry, full_record(entry, settings, internal=True))
    return found


def _change(r: Revision, old: Any, new: Any) -> PublicChange | None:
    """The public change from ``old`` to ``new`` (:func:`_public_versions`), or ``None`` where none."""
    day = r.date[:10]
    title = _title(new, r.id) if isinstance(new, _Public) else _title(old, r.id)

    def made(what: What, summary: str) -> PublicChange:
        return PublicChange(r.id, r.commit, r.date, day, what, summary, title)

    if old is None:
        return made("added", "Added to the register.")
    if new is None:
        return made("removed", "Removed from the register.")
    if not (isinstance(old, _Public) and isinstance(new, _Public)):
        return made("amended", "Amended.")  # a version that cannot be read: no fields to name
    fields = [name for name in Arrangement.model_fields if old.record.get(name) != new.record.get(name)]
    if not fields:
        return None
    before = old.entry.review.history if old.entry.review else []
    after = new.entry.review.history if new.entry.review else []
    reviewed = len(after) > len(before)
    # ended on the commit's day or before, by its status or its end date
    next_day = dt.date.fromisoformat(day) + dt.timedelta(days=1)
    ended = (new.entry.status is Status.ENDED and old.entry.status is not Status.ENDED) or (
        is_over(new.entry, next_day) and not is_over(old.entry, next_day)
    )
    explained = {"status", "end"} if ended else set()
    if reviewed and _without_history(old.record) == _without_history(new.record):
        explained.add("review")
    others = [f for f in fields if f not in explained]
    also = f" Also amended: {_words(others)}." if others else ""
    if reviewed:
        record = newest_review([r for r in after if r not in before] or after)
        assert record is not None  # a review was added
        summary = "Review recorded"
        if record.date:  # "on 3 June 2025", "in January 2025", "in 2025"
            summary += f" {record.date.when()}"
        if record.outcome:
            label = OUTCOME_LABELS[record.outcome]
            summary += f": {label[:1].lower()}{label[1:]}"
        return made("reviewed", summary + "." + (" Ended." if ended else "") + also)
    if ended:
        return made("ended", "Ended." + also)
    return made("amended", f"Amended: {_words(fields)}.")


def _title(version: Any, file_id: str) -> str:
    title = version.entry.title if isinstance(version, _Public) else None
    return _text(title or file_id)


def _without_history(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in (record.get("review") or {}).items() if k != "history"}


def _words(fields: list[str]) -> str:
    return ", ".join(FIELD_WORDS.get(f) or re.sub(r"[-_]+", " ", f) for f in fields)


def _newest_first(change: PublicChange) -> tuple[float, str, str]:
    return (-dt.datetime.fromisoformat(change.date).timestamp(), change.id, change.commit)


# --------------------------------------------------------------------------- the feed

ATOM = "http://www.w3.org/2005/Atom"
#: Characters XML 1.0 does not allow at all, which no escaping makes well-formed.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
#: RFC 4151: the tagging entity of every feed partreg makes; the rest of a tag names the council.
TAG_AUTHORITY = "tag:partreg,2024:"


def atom_feed(
    changes: dict[str, list[PublicChange]],
    settings: Settings,
    *,
    updated: str,
    base_url: str | None,
    limit: int = 200,
) -> str:
    """An Atom 1.0 document (RFC 4287) of the latest ``limit`` changes, newest first.

    Ids are ``tag:`` URIs (RFC 4151) made of the council's name, the arrangement's id and the
    commit, so that a reader sees each change once, whatever address the site moves to; the same
    changes give the same document, byte for byte. ``updated`` is the feed's date where there are
    no changes (the newest change's otherwise). Links are relative to the feed (the site's folder),
    or absolute under ``base_url``, the address of that folder. A removed arrangement has no
    page: its entry carries its summary as content, as RFC 4287 asks of an entry without a link.
    """
    # the council's name as its ids have always had it ("Cyngor Sir Ynys Môn" as cyngor-sir-ynys-m-n):
    # read with its accents, each change would be new again to every reader of the feed
    council = ascii_slug(settings.council) or "register"
    newest = sorted((c for found in changes.values() for c in found), key=_newest_first)[: max(limit, 0)]
    base = base_url if base_url is None or base_url.endswith("/") else base_url + "/"

    def href(path: str) -> str:
        return urljoin(base, path) if base else path

    # the namespace as the root's attribute, and unprefixed names: ElementTree writes a default
    # namespace only where every attribute has a namespace too
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": "en-GB"})
    if base:
        feed.set("xml:base", _text(base))
    _add(feed, "id", f"{TAG_AUTHORITY}{council}/changes")
    _add(feed, "title", f"{settings.title}: changes \u2013 {settings.council}")
    _add(feed, "updated", newest[0].date if newest else updated)
    _add(_add(feed, "author"), "name", settings.council)
    _add(feed, "link", rel="self", type="application/atom+xml", href=href("changes.atom"))
    _add(feed, "link", rel="alternate", type="text/html", href=href("index.html"))
    for c in newest:
        entry = _add(feed, "entry")
        _add(entry, "id", f"{TAG_AUTHORITY}{council}/{quote(c.id, safe='')}/{c.commit}")
        _add(entry, "title", f"{c.title}: {WHAT_WORDS[c.what]}")
        if c.what != "removed":
            page = href(f"arrangements/{quote(c.id, safe='')}.html")
            _add(entry, "link", rel="alternate", type="text/html", href=page)
        _add(entry, "updated", c.date)
        _add(entry, "published", c.date)
        _add(entry, "summary", c.summary, type="text")
        if c.what == "removed":
            _add(entry, "content", c.summary, type="text")
        _add(entry, "category", term=c.what, label=WHAT_WORDS[c.what])
    ET.indent(feed)
    body = ET.tostring(feed, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n{body}\n'


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    """A child element; its text and attributes published text (:func:`_text`)."""
    element = ET.SubElement(parent, tag, {k: _text(v) for k, v in attributes.items()})
    if text is not None:
        element.text = _text(text)
    return element


def _text(value: str) -> str:
    """``value`` as published text (:func:`partreg.models.without_unshown`), with nothing left that
    XML cannot hold."""
    return _NOT_XML.sub("", without_unshown(value))
