"""A new arrangement file written out: the schema line for editors, then the entry in block style."""

from __future__ import annotations

import io
import re
from typing import Any

from partreg.folders import SCHEMA_PATH


def dump_entry(data: dict[str, Any]) -> str:
    """A new arrangement file: the schema line for editors, then the entry in block style.

    Short lists of plain words (``priorities``) are written inline, as people write them;
    text of several lines (notes carried over from a spreadsheet) as a block, a line each.
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import LiteralScalarString

    def build(value: Any) -> Any:
        if isinstance(value, dict):
            out = CommentedMap()
            for k, v in value.items():
                out[k] = build(v)
            return out
        if isinstance(value, list):
            seq = CommentedSeq(build(v) for v in value)
            if value and all(isinstance(v, str) and re.fullmatch(r"[a-z0-9-]+", v) for v in value):
                seq.fa.set_flow_style()
            return seq
        if isinstance(value, str) and "\n" in value.strip("\n") and _as_block(value):
            return LiteralScalarString(value)
        return quoted_if_read_otherwise(value)

    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # folding long plain text leaves trailing spaces
    buffer = io.StringIO()
    yaml.dump(build(data), buffer)
    return f"{SCHEMA_LINE}\n{buffer.getvalue()}"


#: The first line of a file partreg writes: editors that read it check the file against the schema.
SCHEMA_LINE = f"# yaml-language-server: $schema=../{SCHEMA_PATH}"


def _as_block(text: str) -> bool:
    """Whether a literal block reads back as exactly ``text``: no trailing spaces or tabs on a
    line (YAML keeps them, editors drop them), no carriage returns, no line break at either end."""
    return (
        text == text.strip("\n")
        and "\r" not in text
        and not any(line != line.rstrip() or line[:1] in (" ", "\t") for line in text.split("\n"))
        and all(ch.isprintable() or ch == "\n" for ch in text)
    )


#: Words YAML 1.1 reads as true or false (``yes``, ``off``): as text, written in quotes, so that
#: tools that read YAML 1.1 (PyYAML, yamllint's truthy rule) read the text, as partreg does.
_YAML11_BOOLEANS = frozenset({"y", "n", "yes", "no", "on", "off"})


def quoted_if_read_otherwise(value: Any) -> Any:
    """``value``, in single quotes where it is text that YAML 1.1 reads as true or false."""
    if isinstance(value, str) and value.lower() in _YAML11_BOOLEANS:
        from ruamel.yaml.scalarstring import SingleQuotedScalarString

        return SingleQuotedScalarString(value)
    return value
