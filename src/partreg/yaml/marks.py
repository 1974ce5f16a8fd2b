"""The vocabulary the quick scanner of block style (``partreg.yaml.scanner``) reads text with: a
position, a node, the exception for what it does not read, and the patterns of YAML text it knows."""

from __future__ import annotations

import re
from typing import Any

Key = tuple[str | int, ...]

#: A node: where it starts and its children: a dict of key -> (where the key starts, node) for a
#: mapping, a list of nodes for a list, ``None`` for a scalar; a flow collection is read when first
#: needed (``Flow``).
Node = tuple["Mark", Any]


class Unsupported(Exception):
    """The text uses something the scanner does not read: compose the file instead."""


#: A 1-based line and column.
Mark = tuple[int, int]


#: Characters the scanner never reads, in a line that is not all printable: tabs, control
#: characters, the line breaks of YAML 1.1 (NEL, LS, PS), a carriage return that does not end a
#: line, and a byte order mark.
REFUSED_CHARACTERS = r"\t\x00-\x1f\x7f\x85\u2028\u2029\ufeff"  # as in a character class
REFUSED = re.compile(f"[{REFUSED_CHARACTERS}]")
DOUBLE = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
SINGLE = re.compile(r"'(?:[^']|'')*'")
#: Characters that cannot start a plain scalar, or that start what the scanner does not read.
NOT_PLAIN = frozenset("&*!%@`,[]{}#|>'\"")
#: Characters where a line or a value that starts with them is read by the general path.
SPECIAL = NOT_PLAIN | frozenset("-?:")
#: Implicit keys are limited to 1024 characters; well within that, the scanner leaves them to YAML.
LONGEST_KEY = 1000


def rest_is_blank(line: str, at: int) -> bool:
    """Only spaces and a comment from ``at`` to the end of ``line``."""
    rest = line[at:]
    stripped = rest.lstrip(" ")
    return not stripped or (stripped[0] == "#" and len(stripped) < len(rest))
