"""The format's version and the JSON Schema of an arrangement file, generated from the models; and
the model inside a field's type, for code that walks an arrangement's fields."""

from __future__ import annotations

import types
import typing
from typing import Any

from partreg.models.arrangement import Arrangement

FORMAT_VERSION = "1.1"
#: The major version names the schema file (``schema/arrangement.v1.json``): a minor version only
#: adds fields, so a file's link to the schema never needs to change.
FORMAT_MAJOR = 1


def inner_model(annotation: Any) -> Any:
    """The type inside ``X | None``, ``list[X]`` and ``Annotated[X, ...]`` (``None`` for a real union)."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType, list):
            inner = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(inner) != 1:
                return None
            annotation = inner[0]
        else:
            return annotation


def arrangement_schema() -> dict[str, Any]:
    """The JSON Schema of one arrangement file, for editors and check-jsonschema."""
    schema = Arrangement.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"partreg arrangement, register format {FORMAT_VERSION}"
    schema["$comment"] = (
        f"Format {FORMAT_MAJOR}.x: a minor version only adds fields, so this schema "
        f"(arrangement.v{FORMAT_MAJOR}.json) checks every file of format {FORMAT_MAJOR}.0 and later {FORMAT_MAJOR}.x."
    )
    return schema
