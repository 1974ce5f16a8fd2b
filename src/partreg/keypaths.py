"""Where a key written in the wrong place goes: a field's path written as one key
(``contract.reference:``, ``partners.name:``), told as a fix that works when it is done as written
(under the file's mapping, in its braces, as a list's item, several at once); and the model whose
fields live at a place in the format."""

from __future__ import annotations

from typing import Any, get_args, get_origin

from pydantic import BaseModel

from partreg.models import inner_model, yaml_lines
from partreg.problems import Key, Source, value_at


def model_at(model: type[BaseModel], key: Key) -> type[BaseModel] | None:
    """The model class whose fields live at ``key`` inside ``model``."""
    current: Any = model
    for part in key:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = inner_model(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def path_as_key(model: type[BaseModel], at: Key, name: str) -> str | None:
    """``name`` where it is a field's path written as one key (`contract.reference:`, as lint's
    advice names the field): the path, which the format writes as a key under a key; else ``None``."""
    parent, _, child = name.partition(".")
    below = model_at(model, (*at, parent)) if child else None
    return name if below is not None and child in below.model_fields else None


def under(source: Source, at: Key, meant: str, owner: type[BaseModel] | None) -> str:
    """Where the key ``meant`` (``contract.reference``) goes, said so that doing it as written is the
    fix: under the file's mapping, as its keys are written (in braces, or indented), or under its key
    written with nothing after it; as an item of a list field (``partners``); and, where the file
    writes several keys of one mapping as paths, all of them at once (each told to write the mapping
    had repeated its key), of those that are its fields."""
    parent, child = meant.split(".", 1)
    data = value_at(source.data, at) if at else source.data
    data = data if isinstance(data, dict) else {}
    held = data.get(parent)
    below = model_at(owner, (parent,)) if owner is not None else None
    fields = below.model_fields if below is not None else {}
    named = [k.split(".", 1)[1] for k in data if isinstance(k, str) and k.startswith(parent + ".")]
    keys = [k for k in named if k in fields] if child in named else [child]
    values = "with their values" if len(keys) > 1 else "and the value"
    listed = ", ".join(f"{k}:" for k in keys)
    if owner is not None and parent in owner.model_fields and is_list(owner.model_fields[parent].annotation):
        said = f"the format records it as `{child}` of each item under `{parent}`; "
        if isinstance(held, list) and held:
            return (
                said
                + f"add it as the {child}: of an item of the file's {parent}: list, written as its other items are"
            )
        rest = keys[1:]
        item = f"- {keys[0]}: and its value" + (
            f", then {', '.join(f'{k}:' for k in rest)} {'with their values, each' if len(rest) > 1 else 'and its value'} "
            f"on a line of its own, indented as {keys[0]}: is"
            if rest
            else ""
        )
        if parent in data:  # `partners:` with nothing after it (or `[]`)
            return said + f"on the line below the file's {parent}:, indented under it, write one item: {item}"
        return said + f"write {parent}: and, on the next line, indented under it, one item: {item}"
    said = f"the format records it as `{child}` under `{parent}`; "
    if isinstance(held, dict):
        line, column = source.locate((*at, parent))
        text = yaml_lines(source.text or "")
        if 0 < line <= len(text) and text[line - 1][column - 1 : column] == "{":
            if not held:  # `contract: {}`
                return (
                    said
                    + f"write {listed} {values} inside the braces of the file's {parent}: {{}}"
                    + (", separated by commas" if len(keys) > 1 else "")
                )
            return said + f"add {listed} {values} inside the braces of the file's {parent}:, after a comma"
        return said + f"add {listed} {values} under the file's {parent}:, indented as its other keys are"
    if parent in data:  # `lead:` with nothing after it
        return said + f"write {listed} {values} on the lines below the file's {parent}:, indented under it"
    if len(keys) > 1:  # `contract.reference:` and `contract.value_gbp:`: one `contract:`, both under it
        return said + f"write {parent}: once and, on the lines below it, indented under it, {listed} {values}"
    return said + f"write {parent}: and, on the next line, indented under it, {child}: and the value"


def is_list(annotation: Any) -> bool:
    """Whether a field's annotation is a list (or a list or nothing)."""
    if get_origin(annotation) is list:
        return True
    return any(get_origin(a) is list for a in get_args(annotation))
