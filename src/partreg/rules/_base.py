"""Shared building blocks for rule modules."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from partreg.lint import Context, Hit, Key, Rule, Severity
from partreg.models import Arrangement, Kind


def texts(value: Any, key: Key = ()) -> Iterator[tuple[Key, str]]:
    """Every text in a dumped entry, with the key that leads to it."""
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from texts(v, (*key, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from texts(v, (*key, i))


def documented(doc: str | None, rule_id: str, severity: Severity = Severity.ERROR) -> Rule:
    """A rule that the loader or the schema reports; the module documents it."""
    assert doc, f"rule {rule_id} needs a docstring"
    return Rule(rule_id, severity, doc)


def partnership_element(
    doc: str | None,
    rule_id: str,
    present: Callable[[Arrangement], bool],
    what: str,
    fields: tuple[str, ...],
) -> Rule:
    """A rule that a partnership has agreed one of the policy's six elements, recorded in ``fields``."""
    assert doc, f"rule {rule_id} needs a docstring"

    def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
        if entry.kind is Kind.PARTNERSHIP and not present(entry):
            yield Hit(("kind",), f"a partnership must agree {what}", about=tuple((f,) for f in fields))

    return Rule(rule_id, Severity.ERROR, doc, check)
