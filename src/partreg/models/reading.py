"""An arrangement from plain data, and plain data from a model.

Reading is separate from checking. The models say what each value may be; only ``id`` must be
there (and the file's name gives it where it is not). :func:`read_arrangement` keeps every entry
that is a mapping, setting aside only the values that are wrong; what an arrangement must record is
checked by lint rules (``missing-field``, ``start-not-recorded``, ...), whose severities a council
can set. :func:`plain` turns model output back into data to write."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails, SchemaValidator

from partreg.models.arrangement import Arrangement
from partreg.models.dates import PartialDate
from partreg.models.fields import is_id
from partreg.models.text import key_as_written


def plain(value: Any) -> Any:
    """Model output as plain data for writing: enums become their values, dates as precise as they are."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, PartialDate):
        return value.yaml_value()
    return value


def id_from_name(file_id: str) -> str:
    """The id a file's name gives an entry that records none (or a wrong one)."""
    if is_id(file_id):
        return file_id
    slug = re.sub(r"[^a-z0-9]+", "-", file_id.lower()).strip("-")[:64].strip("-")
    return slug if is_id(slug) else "unnamed-arrangement"


_DROP = object()
#: Stands, at the end of a loc, for every key of that mapping that is not text: pydantic names such
#: a key by its text (``'1.5'``), which is not the key (``1.5``).
_NON_TEXT_KEYS = object()


def _dropping(data: Any, locs: list[tuple[str | int, ...]]) -> Any:
    """A copy of ``data`` without the values at ``locs`` (a list loses the item, a mapping the key).

    Only the mappings and lists on the way to a value dropped are copied; the rest is shared with
    ``data``, as it is by a model read from ``data`` in one go. (A deep copy of a megabyte of small
    values took half a second.)
    """
    paths: dict[Any, Any] = {}  # each part of a loc leads to the next, the last to _DROP
    for loc in locs:
        if not loc:
            continue
        node = paths
        for part in loc[:-1]:
            node = node.setdefault(part, {})
            if node is _DROP:  # inside a value dropped already
                break
        else:
            node[loc[-1]] = _DROP

    def sweep(value: Any, drop: dict[Any, Any]) -> Any:
        if isinstance(value, dict):
            out = dict(value)  # a copy in one step, and a step for each value dropped or swept
            if _NON_TEXT_KEYS in drop:
                for k in [k for k in out if type(k) is not str]:
                    del out[k]
            for k, below in drop.items():
                if k is _NON_TEXT_KEYS or k not in out:
                    continue
                if below is _DROP or not isinstance(out[k], dict | list):
                    del out[k]  # wrong, or wrong inside a value that a validator reads as a mapping
                else:  # (`significance: huge`)
                    out[k] = sweep(out[k], below)
            return out
        if isinstance(value, list):
            items = list(value)
            gone = set()
            for k, below in drop.items():
                if type(k) is not int or not 0 <= k < len(items):
                    continue
                if below is _DROP or not isinstance(items[k], dict | list):
                    gone.add(k)
                else:
                    items[k] = sweep(items[k], below)
            return [v for i, v in enumerate(items) if i not in gone] if gone else items
        return value

    return sweep(data, paths)


def _loc(err: ErrorDetails) -> tuple[Any, ...]:
    loc = tuple(err["loc"])
    return (*loc[:-1], _NON_TEXT_KEYS) if err["type"] == "invalid_key" else loc


def _as_found(errors: list[ErrorDetails]) -> list[ErrorDetails]:
    """``errors``, with a key that is not text inside a free mapping (``internal: {2019: x}``) said
    as one where a field's name belongs is: pydantic places it at ``(..., key, '[key]')``, with the
    key as text where it is a number with a point (``'1.5'``), as a number where it is whole, and
    ``true`` as 1. The place ends with the key as the file may write it (a number as its digits),
    which is how positions are found; the key itself is the error's input."""
    return [
        ErrorDetails(
            type="invalid_key",
            loc=(*err["loc"][:-2], key_as_written(err["input"]) or err["loc"][-2]),
            msg=err["msg"],
            input=err["input"],
        )
        if len(err["loc"]) > 1 and err["loc"][-1] == "[key]"
        else err
        for err in errors
    ]


def build_validators() -> None:
    """Build the entry's validator now, which is otherwise built when an entry is first read: a
    caller about to fork worker processes builds it once, for all of them."""
    if not isinstance(Arrangement.__pydantic_validator__, SchemaValidator):
        Arrangement.model_rebuild(force=True)


def read_arrangement(data: dict[str, Any], file_id: str) -> tuple[Arrangement, list[ErrorDetails]]:
    """The arrangement in ``data``, and what is wrong in it.

    Every mapping is an entry: a value that is wrong (a date written
    ``April 2016``, a list where text belongs, an unknown key) is set aside,
    as if it were not there, and reported; the rest of the entry is kept. An
    id that is missing or wrong is taken from the file's name. What is
    missing is not an error here: lint rules check what must be recorded.
    """
    try:
        return Arrangement.model_validate(data), []
    except ValidationError as e:
        errors = _as_found(e.errors(include_url=False))
    found = [_loc(err) for err in errors]
    kept = data
    for _ in range(3):  # the first round sets every wrong value aside; the others are a guard
        kept = _dropping(kept, [loc for loc in found if loc and loc[0] != "id"])
        if any(loc[:1] == ("id",) for loc in found):
            kept["id"] = id_from_name(file_id)
        try:
            return Arrangement.model_validate(kept), errors
        except ValidationError as again:
            found = [_loc(err) for err in _as_found(again.errors(include_url=False))]
    return Arrangement(id=id_from_name(file_id)), errors
