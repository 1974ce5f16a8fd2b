"""Where each key and value of a register file starts, read from its text without composing it.

Register files are written in YAML's block style: mappings and lists by
indentation, plain and quoted text, ``|`` and ``>`` blocks, comments, and
short lists and mappings in flow style (``[a, b]``, ``{name: x}``). This
scanner reads that style, and nothing else, and gives exactly the line and
column that composing the file with ruamel.yaml gives
(``partreg.yaml.positions.compose_for_positions``; tests compare the two on every path of the
YAML test suite, of every register file and fixture, and of generated files).
It reads only text that the YAML parser has accepted, and only as much as it
needs: a top-level key when a path first leads to it (found by a search of the
text for a line that starts with it; after a few, all at once), the keys of a
mapping under a key or in a list's item when a path first leads into it (a look
at the start of each line under it), a flow collection when a path leads into it.
What a file with problems costs is then about what its problems' paths lead
through, not its length. Where it meets what it does not read (anchors and
aliases, tags, ``?`` keys, tabs, directives, a second document, a block
indentation indicator, a flow collection over several lines, text that only
an error would explain), :func:`scan` returns ``None`` or
:meth:`Positions.locate` raises :class:`Unsupported`, and the caller composes
the file instead.

This module finds the top-level keys; ``later`` reads the parts a path leads
into (a mapping key by key, a list item by item), ``blocks`` lines of block style
that are not read key by key, and ``flow`` a flow collection.
"""

from __future__ import annotations

from typing import Any

from partreg.yaml.blocks import read_block
from partreg.yaml.flow import Flow
from partreg.yaml.later import Item, Items, Later, block_keys, next_top
from partreg.yaml.library import lf_breaks
from partreg.yaml.marks import Key, Mark, Node, Unsupported, rest_is_blank

#: How many top-level keys of a file are found one at a time (see ``Positions._find_top``).
FOUND_ONE_AT_A_TIME = 8


class Positions:
    """The start of every key and value of one file, by data path."""

    __slots__ = ("_first", "_lines", "_root", "_some", "_text")

    def __init__(self, root: Node, lines: list[str], text: str = "", first: int = -1) -> None:
        self._root = root
        self._lines = lines
        #: The file's text with LF line breaks, and its first line of content: where ``_some``, the
        #: top-level keys are found one at a time, as paths lead to them; otherwise all are read.
        self._text, self._first = text, first
        #: How many more top-level keys are each found by a search of the text (each search may
        #: read the whole text: after these, every top-level key is read at once).
        self._some = FOUND_ONE_AT_A_TIME if first >= 0 else 0

    @property
    def block_root(self) -> bool:
        """Whether the file's top-level keys are in block style at the first column."""
        return self._first >= 0

    def locate(self, key: Key, *, at_key: bool = False) -> tuple[int, int]:
        """The 1-based line and column of ``key``, as ``reading.Document.locate`` gives it: where the
        path runs out, the deepest part that exists; ``at_key`` points at the key, not its value.
        Raises :class:`Unsupported` where the path leads into a part of the file that the scanner
        reads only now and turns out not to read (the caller composes the file instead)."""
        if self._some and key and type(key[0]) is str and key[0] not in self._root[1]:
            self._find_top(key[0])
        node, key_at = self._root, None
        for part in key:
            children = node[1]
            while type(children) is Flow or type(children) is Item:
                children = children.parse(self._lines)
            found: tuple[Mark, Any] | None = None
            if type(children) is dict:
                if isinstance(part, str):
                    found = children.get(part)
                    if found is not None and type(found[1]) is Later:
                        found = children[part] = (found[0], found[1].read(self._lines))
            elif (
                (type(children) is list or type(children) is Items)
                and isinstance(part, int)
                and 0 <= part < len(children)
            ):
                item = children[part]
                found = (item[0], item)
            if found is None:
                if key_at is not None:
                    return key_at
                return (1, 1) if node is self._root else node[0]
            key_at, node = found
        return key_at if at_key and key_at is not None else node[0]

    def _find_top(self, name: str) -> None:
        """Add the top-level key ``name`` to the root's keys, found by a search of the text for a
        line that starts ``name:``; where there is none, or it is not that key, read every top-level
        key. Any such line is a top-level key's: the YAML parser accepted the file, whose root is a
        block mapping at the first column, and it refuses every other line there (text over several
        lines, or a block of text, goes on indented)."""
        lines, entries, head = self._lines, self._root[1], name + ":"
        self._some -= 1
        if not self._some:
            n = -1  # read them all
        elif lines[self._first].startswith(head):
            n = self._first
        else:
            at = self._text.find("\n" + head)
            n = self._text.count("\n", 0, at + 1) if at >= 0 else -1
        try:
            found = _top_line(lines, n).get(name) if n >= self._first else None
            if found is None:
                for key, entry in block_keys(lines, self._first, len(lines), 0).items():
                    entries.setdefault(key, entry)  # those found already may have been read further
                self._some = 0
                return
        except (IndexError, RecursionError):
            raise Unsupported from None
        entries[name] = found


def scan(text: str) -> Positions | None:
    """The positions of ``text`` (a YAML file that was read without error), or ``None`` where it
    uses something the scanner does not read.

    Only the start of the file is read at once: the top-level keys are found as paths lead to them
    (by a search of the text), and what a line indented under a key holds is read when a path first
    leads there.
    """
    text = lf_breaks(text)
    lines = text.split("\n")
    try:
        root, first = _top(lines)
        return Positions(root, lines, text, first)
    except (Unsupported, IndexError, RecursionError):
        return None


def _top(lines: list[str]) -> tuple[Node, int]:
    """The root mapping of the file, and the line its keys start on where they are at the first
    column (``-1`` where not): then only the first key is read now, and the others as paths lead
    to them (``Positions._find_top``); otherwise the whole mapping is read."""
    n = 0
    while n < len(lines):  # the first line of content, after a leading ---
        stripped = lines[n].lstrip(" ")
        if stripped and stripped[0] != "#":
            if not (stripped.startswith("---") and (len(stripped) == 3 or stripped[3] == " ")):
                break
            if not rest_is_blank(stripped, 3) or len(stripped) < len(lines[n]):
                raise Unsupported
        n += 1
    if n >= len(lines) or lines[n][0] == " " or lines[n][0] in "[{":
        return read_block(lines, 0, len(lines)), -1  # an indented mapping, or one in flow style
    if lines[n][0] == "-" and (len(lines[n]) == 1 or lines[n][1] == " "):
        raise Unsupported  # a list: a register file is a mapping
    return ((n + 1, 1), _top_line(lines, n)), n  # a key, or what the scanner does not read


def _top_line(lines: list[str], n: int) -> dict[str, tuple[Mark, Any]]:
    """The top-level key on line ``n``, a value on the lines below it running to the next one's."""
    entries = block_keys(lines, n, n + 1, 0)
    for _, value in entries.values():
        if type(value) is Later:
            value.end = next_top(lines, n + 1)
    return entries
