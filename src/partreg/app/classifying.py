"""Classify: the kind an arrangement's facts make it (from an answers file, an entry, or the
questionnaire), why, and whether the kind recorded stands.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from partreg.classify import Facts, changes_to, classify, facts_from, facts_of, statute_of
from partreg.errors import UsageError
from partreg.models import Arrangement, Kind
from partreg.yaml.reading import read_document


@dataclass
class Classified:
    """The classification as a document (for text or JSON), the kind recorded (if any), and
    whether the command fails: the facts contradict the kind recorded, or with none recorded,
    decide no kind without contradiction."""

    document: dict[str, Any]
    recorded: str | None
    fails: bool


def facts_in_file(answers: Path) -> Facts:
    """The facts in a YAML or JSON file (``--answers``); a usage mistake where it holds none."""
    doc = read_document(answers, str(answers))
    if doc.problems:
        p = doc.problems[0]
        raise UsageError(f"{p.path}:{p.line}:{p.column}: {p.message} ({p.rule})")
    try:
        return facts_from(doc.data)
    except ValueError as e:
        raise UsageError(f"{answers}: {e}") from None


def classify_entry(entry: Arrangement) -> Classified:
    """An entry's facts classified and compared with its recorded kind."""
    return classify_facts(facts_of(entry.characteristics), statute_of(entry), entry.kind)


def classify_facts(facts: Facts, statute: str | None = None, recorded: Kind | None = None) -> Classified:
    """``facts`` classified; where they decide a kind other than ``recorded``, what would make
    them the recorded kind."""
    result = classify(facts, statute=statute)
    document = result.as_dict()
    kind = recorded.value if recorded else None
    if kind and result.kind is not None and result.kind != kind:
        # what would make it the recorded kind, for the message (and a JSON reader)
        document["to_make_recorded"] = [
            {"fact": n, "value": v} for n, v in changes_to(facts, statute, Kind(kind))
        ]
    fails = result.contradicts(kind) if kind else not result.settled
    return Classified(document, kind, fails)
