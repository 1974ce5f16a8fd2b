"""The field types an arrangement and the settings share (ids, text, pounds, organisation
identifiers), and :class:`StrictModel`, the base of every model of the format: unknown keys are
errors, values are not coerced, and a model is never changed once read."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

ID_PATTERN = r"^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$"


#: Names Windows reserves for devices: a file called ``con.yaml`` cannot be created there.
RESERVED_NAMES = frozenset(
    ["con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))]
)


def is_id(text: str) -> bool:
    """Whether ``text`` may be an entry's id (and so its file's name): the pattern, and not a name
    Windows keeps for a device."""
    return re.match(ID_PATTERN, text) is not None and text not in RESERVED_NAMES


def entry_stem(name: str) -> str:
    """The id a file's name gives: ``csp.yaml`` and ``csp.yml`` are both ``csp``."""
    lower = name.lower()
    return name[:-5] if lower.endswith(".yaml") else name[:-4] if lower.endswith(".yml") else name


def _not_reserved(value: object) -> object:
    if isinstance(value, str) and value in RESERVED_NAMES:
        raise ValueError(f"{value!r} is a reserved file name on Windows: choose another id")
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
ArrangementId = Annotated[str, StringConstraints(pattern=ID_PATTERN), BeforeValidator(_not_reserved)]
#: Whole pounds stay whole (25000, not 25000.0) when a file is written back.
Pounds = Annotated[
    float, Field(ge=0, allow_inf_nan=False), AfterValidator(lambda v: int(v) if float(v).is_integer() else v)
]


#: An organisation identifier as org-id.guide gives it (``GB-CHC-1164883``, ``GB-COH-09506232``,
#: ``GB-LAE-BRW``), or a 360Giving publisher's own (``360G-brentwood-shenfield-youth``).
ORG_ID_PATTERN = r"^(?:[A-Z]{2}-[A-Z0-9]+|360G)-[^\s/\\]+$"
OrgId = Annotated[str, StringConstraints(pattern=ORG_ID_PATTERN)]
#: A 360Giving publisher prefix: ``360G-`` and the rest 360Giving registered.
GIVING_PREFIX_PATTERN = r"^360G-[A-Za-z0-9_-]+$"


class StrictModel(BaseModel):
    # each model's validator is built when first used (see build_validators): `partreg lint` on an
    # empty register, or `partreg --version`, does not pay for the entry's
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)
