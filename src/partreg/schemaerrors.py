"""Schema errors as problems: each error pydantic finds in an entry or in the settings becomes a
problem with a position and a fix (a misspelt key's meaning guessed, a wrong value's choices
named); and the places of an entry set aside as wrong, of which the rules say nothing more.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from partreg import advice, dateadvice
from partreg.keypaths import model_at, path_as_key, under
from partreg.models import ID_PATTERN, NAMED, Arrangement, entry_stem, is_id, shown, yaml_lines
from partreg.problems import Key, Problem, Severity, Source, dotted, value_at
from partreg.readers import not_known, slug
from partreg.repeats import SAME_PROBLEMS_SHOWN, Repeats, place_of
from partreg.rules import invalid_value, missing_field, unknown_key, wrong_type, yaml_syntax
from partreg.spelling import close_matches, closest, did_you_mean


def _id_fix(source: Source, value: object, ids: frozenset[str] | None) -> str:
    """For an id that is not one (``Policy-Forum``), the id to write, where the file's name gives one;
    and where the file is named by the same wrong id, the rename too: both at once, where fixing the
    id alone had then been told the name did not match it. Not a name another file has (``CSP.yaml``
    beside ``csp.yaml``): that is said instead."""
    named = source.display or ""
    cut = max(named.rfind("/"), named.rfind("\\")) + 1
    stem = entry_stem(named[cut:])
    fixed = slug(stem)
    if not isinstance(value, str) or not is_id(fixed):
        return ""
    if stem != value:  # the file is named otherwise: id-mismatch, once the id is one, says which to change
        return f"; write id: {fixed}" if slug(value) == fixed else ""
    if ids is not None and fixed in ids:
        return (
            f"; another file of the register is named {fixed}: if this one is a copy of it, delete one of the "
            "two; if it records another arrangement, give it its own id, and name the file after it"
        )
    renamed = named[:cut] + fixed + named[cut + len(stem) :]  # (its ending kept: `.yml` stays `.yml`)
    return f"; write id: {fixed}, and rename the file to match with `git mv {shlex.quote(named)} {shlex.quote(renamed)}`"


#: How an id is written: what a problem with an id, and the questionnaire, ask for.
ID_RULE = (
    "use lower-case letters, digits and hyphens, 3-64 characters, starting and ending with a letter or digit"
)

_TYPE_NAMES = {
    "string_type": "text",
    "bool_type": "true or false",
    "int_type": "a whole number",
    "float_type": "a number",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
}


def _value_repr(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (null)"
    return shown(value)


_SCHEMA_RULES = {
    "invalid_key": yaml_syntax.ID,
    "extra_forbidden": unknown_key.ID,
    "missing": missing_field.ID,
    "literal_error": invalid_value.ID,
    "enum": invalid_value.ID,
}


def _error_place(err: ErrorDetails) -> tuple[Key, str, str]:
    """An error's key, its rule, and its place (of the mapping, for an unknown key)."""
    key: Key = tuple(p for p in err["loc"] if isinstance(p, str | int))
    rule = _SCHEMA_RULES.get(err["type"], wrong_type.ID)
    return key, rule, place_of(key[:-1] if rule == unknown_key.ID else key)


def _guessed(errors: list[ErrorDetails]) -> list[bool]:
    """Whether each error is an unknown key whose meaning is guessed: those shown (see
    ``SAME_PROBLEMS_SHOWN``), since a guess costs a fuzzy match against every field."""
    repeats, out = Repeats(), []
    for err in errors:
        if err["type"] != "extra_forbidden":
            out.append(False)
            continue
        key, rule, place = _error_place(err)
        shown = repeats.count(rule, place) <= SAME_PROBLEMS_SHOWN + 1
        out.append(shown and bool(key) and isinstance(key[-1], str))
    return out


def schema_problems(
    source: Source, errors: list[ErrorDetails], model: type[BaseModel], ids: frozenset[str] | None = None
) -> Iterator[Problem]:
    """One problem per schema error, with a position and a fix (``ids``: the register's files' names,
    where known, so that an id is not told to take a name another file has).

    A misspelt required key is one fault, not two: the unknown key is
    reported with its "did you mean", and the missing key it stands for is not.
    Problems of one rule at one place beyond ``SAME_PROBLEMS_SHOWN`` are one problem.
    """
    guessed = _guessed(errors)
    missing = {tuple(e["loc"]) for e in errors if e["type"] == "missing"}
    misspelt: set[tuple[Any, ...]] = set()
    for err, guess in zip(errors, guessed, strict=True):
        loc = tuple(err["loc"])
        if guess:
            close = close_matches(str(loc[-1]), tuple(str(m[-1]) for m in missing if m[:-1] == loc[:-1]), 1)
            if close:
                misspelt.add((*loc[:-1], close[0]))
    repeats = Repeats()
    for err in errors:
        key, rule, place = _error_place(err)
        kind = err["type"]
        if kind == "missing" and tuple(err["loc"]) in misspelt:
            continue
        n = repeats.count(rule, place)
        if n > SAME_PROBLEMS_SHOWN + 1:
            continue
        # a list's item by its place (`partners[1]`): its number alone says nothing; a mapping's key
        # that is wrong (`rules: {no-such-rule: off}`) by its mapping, since the message names the key
        named = key[:-2] if len(key) > 1 and key[-1] == "[key]" else key
        name = dotted(named) if named and isinstance(named[-1], int) else str(named[-1]) if named else ""
        value = err.get("input")
        if kind == "extra_forbidden":
            owner = model_at(model, key[:-1])
            known = list(owner.model_fields) if owner else []
            meant = advice.meant_key(name, known) or path_as_key(model, key[:-1], name)
            hint = did_you_mean(name, known)
            unseen = advice.unseen_in_key(name, known)
            instead = advice.not_a_field(name, known)
            if unseen or instead:
                message = f"unknown key {shown(name, NAMED)}: {unseen or instead}"
            elif meant == "internal":
                message = f"unknown key {shown(name, NAMED)}: notes that are not published go under `internal:`; write internal: {{notes: ...}}"
            elif meant and "." in meant:  # `Lead Officer:`, a value the format keeps under a mapping
                message = f"unknown key {shown(name, NAMED)}: " + under(source, key[:-1], meant, owner)
            elif meant:
                message = (
                    f"unknown key {shown(name, NAMED)}: the format calls it `{meant}`; write {meant}: instead"
                )
            else:
                message = f"unknown key {shown(name, NAMED)}{hint}"
            if owner and not hint and not meant and not unseen and not instead:
                message += f"; the keys here are: {', '.join(known)}"
            at_key = True
        elif kind == "invalid_key":  # `1.5:`, `~:` or `[a]:` where a field's name belongs
            at_key = True
            message = (
                f"has the key {shown(value)} in {dotted(key[:-1])}, which is not text: keys are field names; "
                "write the key as a name (quote it if it looks like a number)"
            )
        elif kind == "missing":
            at_key = True
            where = f" in {dotted(key[:-1])}" if len(key) > 1 else ""
            message = f"required field {name!r} is missing{where}: add `{name}: ...`"
        elif kind in ("literal_error", "enum"):
            expected = err.get("ctx", {}).get("expected", "")
            choices = [c.strip().strip("'") for c in expected.replace(" or ", ",").split(",") if c.strip()]
            at_key = False
            meant = advice.meant_choice(name, value, choices)
            if meant is None and "none" in choices and isinstance(value, str) and not_known(value):
                meant = "none"  # `type: N/A`: the choice that says there is none (no formal agreement)
            if meant is None and isinstance(value, str) and not_known(value):
                # `kind: TBC`, `sector: N/A`: no choice is known yet, and none is to be guessed
                gap = (
                    "lint reports it as not recorded until then"
                    if key in (("kind",), ("status",))  # (what every arrangement records: missing-field)
                    else "a gap is fine"
                )
                message = (
                    f"{name}: {_value_repr(value)} stands for no value: leave the line out until it is known "
                    f"({gap}), then write one of: {', '.join(choices)}"
                )
            else:
                message = f"{name}: {_value_repr(value)} is not allowed" + (
                    f": write {name}: {meant}" if meant else f"{did_you_mean(str(value), choices)}"
                )
                message += (
                    f" (one of: {', '.join(choices)})" if meant else f"; use one of: {', '.join(choices)}"
                )
        else:
            at_key = False
            wanted = _TYPE_NAMES.get(kind)
            if kind == "string_pattern_mismatch" and name == "id":
                message = f"id: {_value_repr(value)} is not an id: {ID_RULE}{_id_fix(source, value, ids)}"
            elif kind == "string_pattern_mismatch" and err.get("ctx", {}).get("pattern") == ID_PATTERN:
                message = f"{dotted(key)}: {_value_repr(value)} is not an entry's id: {ID_RULE}"
            elif kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
                bound = err["msg"].removeprefix("Input should be ")
                message = f"{name}: {_value_repr(value)} is out of range: it should be {bound}"
            elif kind == "string_too_short":
                message = f"{name}: is empty: write something or remove the line"
            elif isinstance(value, int | float) and not isinstance(value, bool) and kind.startswith("finite"):
                message = f"{name}: {_value_repr(value)} is not a finite number: write the amount in pounds"
            elif (
                wanted == "text"
                and isinstance(value, int)
                and not isinstance(value, bool)
                and value.bit_length() > 256
            ):
                message = f"{name}: should be text, not {_value_repr(value)}: put it in quotes"
            elif isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 256:
                message = f"{name}: {_value_repr(value)} is too large to be an amount"
            elif wanted == "text" and (written := _number_written(source, key, value)) is not None:
                # 01277 312500, 00123: YAML reads digits as a number, and a number has no leading 0
                quoted = f"'{written}'" if isinstance(key[-1], int) else f"{name}: '{written}'"
                message = (
                    f"{name}: should be text, not the number {written}: write {quoted} "
                    "(in quotes, which keep it as written)"
                )
            elif wanted:
                message = f"{name}: should be {wanted}, not {_value_repr(value)}"
                in_list = next((p for p in reversed(key) if isinstance(p, str)), "")
                # (what the kind needs is not asked of one recorded as ended)
                data = source.data if isinstance(source.data, dict) else {}
                entry_kind = data.get("kind") if data.get("status") != "ended" else None
                fix = (
                    advice.item_as_mapping(
                        in_list, value, dotted(key[:-1]), value_at(source.data, key[:-1]), entry_kind
                    )
                    if isinstance(key[-1], int) and wanted == "a mapping"
                    else advice.wrong_type(name, value, wanted, key, entry_kind)
                )
                message += f": {fix}" if fix else ""
                if key == ("statutory",) and fix and fix.startswith("write statutory: true"):
                    message += _basis_too(source)
            else:
                dated = "write dates as" in err["msg"] or "is a placeholder, not a date" in err["msg"]
                fix = (
                    dateadvice.no_end(name, value, key, source.data)
                    or dateadvice.date_written_the_uk_way(value)
                    or dateadvice.date_fix(name, value, key, source.data)
                    if dated
                    else None
                )
                message = f"{name}: {fix}" if fix else f"{name}: {err['msg'].removeprefix('Value error, ')}"
        line, column = source.locate(key, at_key=at_key)
        problem = Problem(source.display, line, column, rule, Severity.ERROR, message, dotted(key))
        if repeats.shown(problem, place, n):
            yield problem
    yield from repeats.stand_ins()


def _basis_too(source: Source) -> str:
    """What a fix to ``statutory: true`` must bring with it, so that making it reveals no more:
    the law, where the file names none (``statutory-without-basis``)."""
    data = source.data if isinstance(source.data, dict) else {}
    if data.get("statutory_basis"):
        return ""
    return "; and name the law that requires it: statutory_basis: the Act and section"


def _number_written(source: Source, key: Key, value: Any) -> str | None:
    """The digits of a number as the file writes them (``01277312500``, which YAML reads as
    1277312500), where ``value`` is a number and the file is at hand; ``None`` otherwise."""
    if not isinstance(value, int | float) or isinstance(value, bool) or source.text is None:
        return None
    line, column = source.locate(key)
    rows = yaml_lines(source.text)
    if not 0 < line <= len(rows):
        return None
    found = _NUMBER.match(rows[line - 1], column - 1)
    return found.group() if found is not None else None


#: A number as a file may write it, where a value starts.
_NUMBER = re.compile(r"[-+]?[0-9][0-9._]*(?:[eE][-+]?[0-9]+)?(?=$|[\s,\]}#])")


def set_aside(errors: list[ErrorDetails], data: Any) -> list[Key]:
    """Where an entry's values were set aside as wrong, and the keys misspelt ones stand for.

    Rules that read such a place say nothing of it: a wrong value is one
    problem (what is wrong with it), not one more for each rule that reads it.
    """
    keys: list[Key] = []
    for err, guess in zip(errors, _guessed(errors), strict=True):
        key: Key = tuple(p for p in err["loc"] if isinstance(p, str | int))
        keys.append(key)
        if dateadvice.not_held(key, data):  # a review that says nothing of one held: told to go, and no more
            keys.append((*key[:-1], "outcome"))
        if guess:
            owner = model_at(Arrangement, key[:-1])
            fields = list(owner.model_fields) if owner else []
            meant = advice.meant_key(str(key[-1]), fields) or closest(str(key[-1]), fields)
            # (`Lead Officer` stands for lead.role: for it, whether or not the file has a `lead`)
            stands_for = (*key[:-1], *meant.split(".")) if meant is not None else None
            if stands_for is not None and value_at(data, stands_for) is None:
                keys.append(stands_for)
    return keys


class Aside:
    """The places set aside, asked about a key in time that grows with the key, not with the number
    of places: a file may hold a wrong value in each of 100,000 items, and a rule a hit in each."""

    def __init__(self, keys: list[Key]) -> None:
        self._keys = set(keys)
        self._holders = {k[:i] for k in keys for i in range(len(k))}

    def __bool__(self) -> bool:
        return bool(self._keys)

    def touches(self, key: Key) -> bool:
        """``key`` lies within a place set aside, or holds one (a list that lost a wrong item)."""
        return key in self._holders or any(key[:i] in self._keys for i in range(len(key) + 1))
