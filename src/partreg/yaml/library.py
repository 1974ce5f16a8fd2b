"""ruamel.yaml set up the way partreg reads YAML: the round-trip reader, text it reads at the same
positions as YAML 1.2 does, its warnings kept off the terminal, and the tags of the YAML 1.2 core
schema.

ruamel.yaml is imported inside the functions that use it: `partreg lint` in a machine format never
needs it, and should not pay to load it.
"""

from __future__ import annotations

import contextlib
import re
import warnings
from collections.abc import Iterator
from typing import Any

#: The tags of the YAML 1.2 core schema: the only ones a register file may use.
CORE_TAGS = frozenset("tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "map", "seq"))


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """ruamel.yaml's warnings (of a reused anchor, say) left unsaid while the block runs: partreg
    reports problems itself, with positions. The filter is set for the block alone, and the
    process's own filters are as they were after it."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", module=r"ruamel\.yaml.*")
        yield


def round_trip() -> Any:
    """ruamel.yaml's round-trip reader, which keeps every node's position and lets a key repeat
    (partreg reports a repeated key itself, with its position). Use it inside :func:`quiet`."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = True
    return yaml


def same_length_for_ruamel(text: str) -> str:
    """``text`` as ruamel.yaml reads it the way YAML 1.2 (and the fast reader) does, at the same length.

    ruamel.yaml follows YAML 1.1 in places: it counts NEL, LS and PS as line
    breaks (so every line after one is numbered wrongly), and refuses a tab
    before a comment and a raw control character. Each of those becomes a
    space, one character for one, so every line and column still points into
    the file as it is. For positions and layout only, never for values.
    """
    return text.translate(_FOR_RUAMEL)


_FOR_RUAMEL = {c: " " for c in (*range(0x0A), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0x85, 0x2028, 0x2029)}
_MADE_SPACES = re.compile("[" + "".join(re.escape(chr(c)) for c in _FOR_RUAMEL) + "]")


def same_for_ruamel(text: str) -> bool:
    """Whether :func:`same_length_for_ruamel` leaves ``text`` as it is: for ASCII text (most files),
    one pass of C over its bytes (``bytes.translate``); for other text, a search."""
    if text.isascii():
        return not text.encode("ascii").translate(None, _NOT_MADE_SPACES)
    return _MADE_SPACES.search(text) is None


_NOT_MADE_SPACES = bytes(b for b in range(128) if b not in _FOR_RUAMEL)


def lf_breaks(text: str) -> str:
    """``text`` with each line break YAML knows (CRLF, and a CR alone) as LF, for the looks that
    count lines by LF; a line's columns are the same."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def yaml12_lines(text: str) -> str:
    """``text`` with NEL, LS and PS made spaces, one character for one: libyaml (YAML 1.1) counts them
    as line breaks, so every line it reports after one was a line too far. For the diagnostics that
    read a file again for a line and column; unlike :func:`same_length_for_ruamel`, what libyaml
    refuses (a tab where YAML 1.2 allows none, say) is left as it is."""
    return text.translate(_NOT_LINE_BREAKS) if not text.isascii() else text


_NOT_LINE_BREAKS = {0x85: " ", 0x2028: " ", 0x2029: " "}
