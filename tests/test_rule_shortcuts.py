"""The shortcuts the run takes give the problems the long way gives: a rule that looks at one kind of
arrangement only is called for that kind only, and what several rules ask of an entry is worked out
once (``Context.once``)."""

import datetime as dt
import json

import pytest

from partreg.documents import iter_documents
from partreg.folders import read_settings, register_files
from partreg.lint import Linter
from partreg.models import Kind
from partreg.rules import ALL
from partreg.yaml.reading import parse_document
from tests.common import REPO, SETTINGS, VALID

REGISTERS = [REPO, REPO / "tests/fixtures/incomplete-register", REPO / "tests/fixtures/small"]
KINDS = [k.value for k in Kind]


def _entries() -> list[tuple[str, dict]]:
    found = [(f"valid {name}", parse_document(text.encode(), name).data) for name, text in VALID.items()]
    for root in REGISTERS:
        for doc, _ in iter_documents(register_files(root), root):
            if isinstance(doc.data, dict):
                found.append((doc.display, doc.data))
    return found


ENTRIES = _entries()


def _as_kind(data: dict, kind: str | None) -> dict:
    changed = {k: v for k, v in data.items() if k != "kind"}
    return changed if kind is None else {**changed, "kind": kind}


@pytest.mark.parametrize("settings_from", [None, *REGISTERS])
def test_each_kind_gets_the_problems_every_rule_called_would_give(settings_from):
    settings = read_settings(settings_from)[0] if settings_from else SETTINGS
    assert settings is not None
    today = dt.date(2026, 11, 24)
    dispatching = Linter(settings, ALL, today)
    calling_all = Linter(settings, ALL, today)
    calling_all._checks_for = dict.fromkeys([*Kind, None], calling_all._checks)
    assert sum(len(c) for c in dispatching._checks_for.values()) < 5 * len(calling_all._checks)
    compared = 0
    for name, data in ENTRIES:
        for kind in [*KINDS, None, "no-such-kind"]:
            text = json.dumps(_as_kind(data, kind), default=str)
            doc = parse_document(text.encode(), f"{name}.yaml")
            assert doc.problems == [], name
            file_id = str(data.get("id", "entry"))
            ours = dispatching.check(doc, file_id)[1]
            everything = calling_all.check(doc, file_id)[1]
            assert ours == everything, (name, kind)
            compared += 1
    assert compared >= 6 * 30


def test_the_kind_specific_rules_are_the_ones_expected():
    # a rule marked for one kind must say so in its id or its check; the list is read off the rules
    marked = {r.id: r.only_for for r in ALL if r.only_for is not None}
    assert marked["contract-missing-details"] is Kind.CONTRACT
    assert marked["funding-missing-details"] is Kind.COMMUNITY_FUNDING
    assert marked["joint-working-missing-purpose"] is Kind.JOINT_WORKING
    assert marked["partnership-missing-risks"] is Kind.PARTNERSHIP
    assert "missing-field" not in marked and "kind-mismatch" not in marked
    assert "characteristics-conflict" not in marked


def test_what_is_worked_out_once_is_for_the_entry_asked_about():
    from partreg.models import Arrangement
    from partreg.problems import Context
    from partreg.review import last_review

    ctx = Context(SETTINGS, "entry")
    asked = []

    def work(entry: Arrangement) -> str | None:
        asked.append(entry.id)
        return entry.title

    first = Arrangement.model_validate({"id": "first-one", "title": "First", "review": {"history": []}})
    second = Arrangement.model_validate({"id": "second-one", "title": "Second"})
    assert [ctx.once(work, first), ctx.once(work, first), ctx.once(work, second)] == [
        "First",
        "First",
        "Second",
    ]
    assert asked == ["first-one", "second-one"]
    assert ctx.once(last_review, first) is None  # each piece of work is held apart
    reviewed = Arrangement.model_validate({"id": "third-one", "review": {"history": [{"date": "2025-04"}]}})
    assert str(ctx.once(last_review, reviewed)) == "2025-04"
