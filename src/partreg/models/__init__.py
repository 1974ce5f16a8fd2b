"""The register format, version 1.1 (and so version 1), as pydantic models.

These models are the contract with users' files: every field has a
description, unknown keys are errors, and the JSON Schema that editors and
check-jsonschema use is generated from them (``partreg schema``).

Version 1.1 only adds to version 1: every field of version 1 is still there
and means what it meant, so every version 1 file is a version 1.1 file. The
fields 1.1 adds say so in their descriptions ("Since 1.1").

Booleans are strict: ``yes`` is text in YAML 1.2, and a fact must be
``true`` or ``false``.

Where each part lives (each module imports only those above it):

- ``text``: the characters no output shows as they are; a value as a message quotes it.
- ``dates``: :class:`PartialDate` and the ways a date is written; :data:`DateField`.
- ``fields``: the field types an arrangement and the settings share; the strict base model.
- ``vocabulary``: the fixed lists of words (kind, status, form, ...) and their labels.
- ``parts``: an arrangement's parts other than money (lead, partners, reviews, significance, ...).
- ``money``: contracts, funding and grant awards, contributions by financial year.
- ``arrangement``: :class:`Arrangement`, one entry of the register.
- ``settings``: :class:`Settings`, the contents of ``partreg.yaml``.
- ``schema``: the format's version and the JSON Schema of an arrangement.
- ``reading``: an arrangement from plain data (:func:`read_arrangement`), and back.

This package re-exports the names the rest of partreg uses.
"""

from partreg.models.arrangement import Arrangement
from partreg.models.dates import (
    BOUND,
    LAST_YEAR,
    MONTHS,
    ROUGHLY,
    PartialDate,
    date_or_none,
    parse_iso_date,
    read_date,
    uk_date,
)
from partreg.models.fields import ID_PATTERN, RESERVED_NAMES, entry_stem, is_id
from partreg.models.money import Award, Extension, total_pounds
from partreg.models.parts import Characteristics, Decision, Representative, ReviewAction, ReviewRecord
from partreg.models.reading import build_validators, plain, read_arrangement
from partreg.models.schema import FORMAT_VERSION, arrangement_schema, inner_model
from partreg.models.settings import (
    DEFAULT_COLUMNS,
    RULE_IDS,
    IndexColumn,
    ReviewSettings,
    Settings,
    SignificanceSettings,
    SignificanceTest,
    SignificanceWhen,
)
from partreg.models.text import (
    CONTROL,
    CONTROLS,
    NAMED,
    REORDERING,
    UNPUBLISHED,
    UNSHOWN,
    ascii_matching,
    every,
    has_control,
    key_as_written,
    plural,
    shown,
    visible,
    without_unshown,
    yaml_lines,
)
from partreg.models.vocabulary import (
    FORM_LABELS,
    KIND_IN_A_SENTENCE,
    KIND_LABELS,
    OUTCOME_LABELS,
    Kind,
    Level,
    ReviewOutcome,
    Status,
)

__all__ = [
    "BOUND",
    "CONTROL",
    "CONTROLS",
    "DEFAULT_COLUMNS",
    "FORMAT_VERSION",
    "FORM_LABELS",
    "ID_PATTERN",
    "KIND_IN_A_SENTENCE",
    "KIND_LABELS",
    "LAST_YEAR",
    "MONTHS",
    "NAMED",
    "OUTCOME_LABELS",
    "REORDERING",
    "RESERVED_NAMES",
    "ROUGHLY",
    "RULE_IDS",
    "UNPUBLISHED",
    "UNSHOWN",
    "Arrangement",
    "Award",
    "Characteristics",
    "Decision",
    "Extension",
    "IndexColumn",
    "Kind",
    "Level",
    "PartialDate",
    "Representative",
    "ReviewAction",
    "ReviewOutcome",
    "ReviewRecord",
    "ReviewSettings",
    "Settings",
    "SignificanceSettings",
    "SignificanceTest",
    "SignificanceWhen",
    "Status",
    "arrangement_schema",
    "ascii_matching",
    "build_validators",
    "date_or_none",
    "entry_stem",
    "every",
    "has_control",
    "inner_model",
    "is_id",
    "key_as_written",
    "parse_iso_date",
    "plain",
    "plural",
    "read_arrangement",
    "read_date",
    "shown",
    "total_pounds",
    "uk_date",
    "visible",
    "without_unshown",
    "yaml_lines",
]
