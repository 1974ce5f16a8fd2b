"""The register format, field by field, as Markdown (``docs/format.md``), from the models themselves.

Every field's description lives once, in the ``models`` package; this module lays them
out for officers, with the type of each value in plain words and the version
that added it. ``make docs`` writes the file; a test checks it is current.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from typing import Any, Literal

from pydantic import BaseModel

from partreg.models import FORMAT_VERSION, Arrangement, PartialDate, Settings

INTRODUCTION = f"""\
# The register format, version {FORMAT_VERSION}

Generated from partreg's models by `make docs`; do not edit by hand. The
design and the rules of the format are in the README ("The register format");
this page lists every field.

A register is a folder: `partreg.yaml` holds its settings, and `register/<id>.yaml`
one arrangement each. Version 1.1 only adds fields to version 1: every version 1
file is a version 1.1 file and means the same, and `schema/arrangement.v1.json`
(the JSON Schema, named by the format's major version) checks both. Fields marked
**1.1** are new in version 1.1. Every field may be left out where it is not known:
what each kind of arrangement should record is checked by `partreg lint`, and
incomplete entries are kept, listed and published.

## What version 1.1 adds, by example

```yaml
form: statutory-partnership          # what the body is, beside the policy's kind
representatives:                     # the council's representatives on the body
  - member: Cllr A. Patel            # a councillor (a public office holder) ...
    role: Portfolio Holder for Community Safety
    capacity: voting member
  - role: Community Safety Manager   # ... or an officer, by role
    capacity: adviser
decisions:                           # the council's decisions about it
  - body: Cabinet
    date: 2024-03-13
    reference: Minute 123
    url: https://democracy.example.gov.uk/minute-123
    summary: Agreed the partnership's terms of reference.
contributions:                       # money by financial year: cash, in kind, loans
  - {{year: 2024/25, by: council, cash_gbp: 25000, in_kind_gbp: 12000}}
  - {{year: 2024/25, by: Essex Police, in_kind_gbp: 8000}}   # a partner, as named under partners
reporting:                           # the scrutiny route
  committee: Audit and Scrutiny Committee
  months: 12
  last_report: 2025-03-12
replaces: [community-safety-forum]   # ids of the entries it replaced ...
replaced_by: []                      # ... and of those that replaced it
last_verified: 2025-11-03            # when an officer last checked the entry
significance:                        # the officer's level, where it differs from the council's tests
  level: high
  reason: Essential to the Community Safety Plan, whatever the council puts in.
  meets: [essential-to-a-priority]   # tests partreg cannot read, by their ids in partreg.yaml
review:
  history:
    - date: 2025-06-30
      outcome: reassess              # continue | amend | exit | reassess | proposed-for-removal
      rating: limited                # the rating history: each review's rating
      actions:
        - {{description: Agree a data sharing protocol, owner: Community Safety Manager, due: 2025-12}}
contract:                            # for a contract, beside reference and value_gbp
  annual_value_gbp: 6600000
  whole_life_value_gbp: 66000000
  extensions:                        # "10 + 10 years": one extension of 10 years
    - {{years: 10, until: 2039-03-31, status: available}}
```

```yaml
# partreg.yaml: the council's own tests of significance (Gravesham: £50,000 or more, or statutory)
significance:
  tests:
    council-resources: {{description: "Council resources of £50,000 or more a year", council_gbp_a_year: 50000}}
    statutory: {{description: A statutory partnership, statutory: true}}
    essential-to-a-priority: {{description: Essential to a corporate priority}}   # officers say which meet it
  high_when: {{required: [], at_least: 1}}   # Chorley: {{required: [council-resources], at_least: 3}}
  otherwise: low
```

A reference in `replaces` or `replaced_by` to an entry the register does not hold is an
error (`unknown-reference`). `lead` needs an officer's `role` or the lead councillor
(`member`); a missing `service` is a warning. Fields the settings name in `internal_fields`
(and `internal`) never reach a published page, the open data, or `partreg show`
without `--internal`.
"""


def _since(model: type[BaseModel], name: str) -> str:
    description = model.model_fields[name].description or ""
    return "1.1" if description.startswith("Since 1.1") or "(since 1.1)" in (model.__doc__ or "") else ""


def _plain(annotation: Any) -> str:
    """A field's type in plain words: ``text``, ``date``, ``pounds``, ``list of mappings``, ..."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        inner, *meta = typing.get_args(annotation)
        said = " ".join(repr(m) for m in meta)
        if inner is PartialDate:
            return "date (YYYY-MM-DD, YYYY-MM or YYYY)"
        if inner is float and "ge=0" in said.replace(" ", ""):
            return "pounds (a number)"
        if inner is float and "le=50" in said.replace(" ", ""):
            return "years (a number)"
        if inner is float:
            return "number"
        if "_financial_year" in said:
            return "financial year (2024/25)"
        if "ID_PATTERN" in said or "a-z0-9" in said:
            return "an entry's id"
        if "BeforeValidator" in said and isinstance(inner, type) and issubclass(inner, BaseModel):
            return "low, medium or high; or a mapping"
        return _plain(inner)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(annotation) if a is not type(None)]
        return " or ".join(_plain(a) for a in inner)
    if origin is list:
        return f"list of {_plain(typing.get_args(annotation)[0])}"
    if origin is dict:
        return "mapping"
    if origin is Literal:
        return "one of: " + ", ".join(f"`{v}`" for v in typing.get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "mapping"
    if hasattr(annotation, "__members__"):  # an enum
        return "one of: " + ", ".join(f"`{m.value}`" for m in annotation)
    return {str: "text", bool: "true or false", int: "whole number", float: "number"}.get(annotation, "value")


def _models(annotation: Any) -> list[type[BaseModel]]:
    """The models a field holds (inside ``X | None``, ``list[X]``, ``Annotated``)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated or origin in (typing.Union, types.UnionType, list):
        return [m for a in typing.get_args(annotation) for m in _models(a)]
    if origin is dict:
        return _models(typing.get_args(annotation)[1])
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return []


def _rows(model: type[BaseModel], prefix: str, since: str) -> Iterator[tuple[str, str, str, str]]:
    hints = typing.get_type_hints(model, include_extras=True)
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        added = since or _since(model, name)
        description = (info.description or "").removeprefix("Since 1.1: ")
        yield path, _plain(hints[name]), added, description[:1].upper() + description[1:]
        for inner in _models(hints[name]):
            shape = str(hints[name])
            step = "[]" if "list[" in shape else ".<id>" if "dict[" in shape else ""
            below = "1.1" if added == "1.1" or "(since 1.1)" in (inner.__doc__ or "") else ""
            yield from _rows(inner, f"{path}{step}.", below)


def _table(model: type[BaseModel], prefix: str = "") -> list[str]:
    out = ["| field | value | since | what it records |", "| --- | --- | --- | --- |"]
    for path, kind, added, description in _rows(model, prefix, ""):
        cell = description.replace("|", "\\|").replace("\n", " ")
        out.append(f"| `{path}` | {kind.replace('|', '/')} | {added or '1.0'} | {cell} |")
    return out


def format_markdown() -> str:
    """``docs/format.md``: the introduction, then every field of an arrangement and of the settings."""
    out = [INTRODUCTION.rstrip(), "", "## An arrangement: `register/<id>.yaml`", ""]
    out += _table(Arrangement)
    out += ["", "## The settings: `partreg.yaml`", ""]
    out += _table(Settings)
    return "\n".join(out) + "\n"
