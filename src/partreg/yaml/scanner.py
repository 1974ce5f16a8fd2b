"""Where each key and value of a register file starts, read from its text without composing it.

Register files are written in YAML's block style: mappings and lists by
indentation, plain and quoted text, ``|`` and ``>`` blocks, comments, and
short lists and mappings in flow style (``[a, b]``, ``{name: x}``). This
scanner reads that style, and nothing else, and gives exactly the line and
column that composing the file with ruamel.yaml gives
(``partreg.yaml.positions.compose_for_positions``; tests compare the two on every path of the
YAML test suite, of every register file and fixture, and of generated files).
It reads only text that the YAML parser has accepted, and only as much as it
needs: the top-level keys at once (a look at the first character of each
line), the lines under a key when a path first leads there, a flow collection
when a path leads into it. Where it meets what it does not read (anchors and
aliases, tags, ``?`` keys, tabs, directives, a second document, a block
indentation indicator, a flow collection over several lines, text that only
an error would explain), :func:`scan` returns ``None`` or
:meth:`Positions.locate` raises :class:`Unsupported`, and the caller composes
the file instead.

This module reads the top-level keys and finds where the parts read later
start; ``blocks`` reads lines of block style, and ``flow`` a flow collection.
"""

from __future__ import annotations

from typing import Any

from partreg.yaml.blocks import read_block, read_key, read_value
from partreg.yaml.flow import Flow, flow_value
from partreg.yaml.library import lf_breaks
from partreg.yaml.marks import (
    DOUBLE,
    LONGEST_KEY,
    REFUSED,
    SINGLE,
    SPECIAL,
    Key,
    Mark,
    Node,
    Unsupported,
    rest_is_blank,
)


class Positions:
    """The start of every key and value of one file, by data path."""

    __slots__ = ("_lines", "_root")

    def __init__(self, root: Node, lines: list[str]) -> None:
        self._root = root
        self._lines = lines

    def locate(self, key: Key, *, at_key: bool = False) -> tuple[int, int]:
        """The 1-based line and column of ``key``, as ``reading.Document.locate`` gives it: where the
        path runs out, the deepest part that exists; ``at_key`` points at the key, not its value.
        Raises :class:`Unsupported` where the path leads into a part of the file that the scanner
        reads only now and turns out not to read (the caller composes the file instead)."""
        node, key_at = self._root, None
        for part in key:
            children = node[1]
            while type(children) is Flow or type(children) is _Item:
                children = children.parse(self._lines)
            found: tuple[Mark, Any] | None = None
            if type(children) is dict:
                if isinstance(part, str):
                    found = children.get(part)
                    if found is not None and type(found[1]) is _Later:
                        found = children[part] = (found[0], found[1].read(self._lines))
            elif (
                (type(children) is list or type(children) is _Items)
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


def scan(text: str) -> Positions | None:
    """The positions of ``text`` (a YAML file that was read without error), or ``None`` where it
    uses something the scanner does not read.

    Only the top-level keys are read at once, in one look at the first character of each line:
    what a line indented under a key holds is read when a path first leads there.
    """
    lines = lf_breaks(text).split("\n")
    try:
        return Positions(_top(lines), lines)
    except (Unsupported, IndexError, RecursionError):
        return None


class _Later:
    """The value of a top-level key, on the lines from the key's own to the next top-level key's:
    read (by :func:`read_block`) when a path first leads into it. A block list is read item by item:
    where each starts at once, what each holds when a path leads into it (a list of 100,000
    items is read in a look at the start of each line, not a full reading of each)."""

    __slots__ = ("empty", "end", "name", "start")

    def __init__(self, name: str, start: int, empty: bool) -> None:
        self.name, self.start, self.end, self.empty = name, start, start + 1, empty

    def read(self, lines: list[str]) -> Node:
        try:
            if self.empty:  # nothing after the key on its line: perhaps a block list
                k = self.start + 1
                while k < self.end and (not lines[k].strip(" ") or lines[k].lstrip(" ")[0] == "#"):
                    k += 1
                if k < self.end:
                    content = lines[k].lstrip(" ")
                    if content[0] == "-" and (len(content) == 1 or content[1] == " "):
                        return _sequence(lines, k, self.end, len(lines[k]) - len(content))
            entry = read_block(lines, self.start, self.end)[1].get(self.name)
        except (IndexError, RecursionError):
            raise Unsupported from None
        if entry is None:
            raise Unsupported
        value: Node = entry[1]
        return value


#: Characters that start an item the scanner reads at once rather than later (where it is refused).
_RISKY = frozenset("&*!%@`,?:-")


def _sequence(lines: list[str], first: int, end: int, column: int) -> Node:
    """The block list whose dashes are at ``column``, from line ``first`` to before ``end``: the
    line each item starts on, each read when a path leads to it (``_Items``)."""
    deeper, starts = " " * (column + 1), []
    for n in range(first, end):
        line = lines[n]
        if line.startswith(deeper):
            continue  # a line of the item above
        if line[column : column + 1] == "-" and (len(line) == column + 1 or line[column + 1] == " "):
            if line[:column].strip(" "):
                raise Unsupported
            starts.append(n)
            continue
        stripped = line.lstrip(" ")
        if stripped and stripped[0] != "#":
            raise Unsupported  # the list ends before its key's lines do
    starts.append(end)
    return ((first + 1, column + 1), _Items(lines, starts, column))


class _Items:
    """A block list's items, each read when a path first leads to it (where it starts at once; what
    it holds, later: ``_Item``)."""

    __slots__ = ("_column", "_lines", "_read", "_starts")

    def __init__(self, lines: list[str], starts: list[int], column: int) -> None:
        self._lines, self._starts, self._column = lines, starts, column
        self._read: dict[int, Node] = {}

    def __len__(self) -> int:
        return len(self._starts) - 1

    def __getitem__(self, index: int) -> Node:
        node = self._read.get(index)
        if node is None:
            node = self._read[index] = _item(
                self._lines, self._starts[index], self._starts[index + 1], self._column
            )
        return node


def _item(lines: list[str], start: int, end: int, column: int) -> Node:
    line = lines[start]
    rest = line[column + 1 :].lstrip(" ")
    if not rest or rest[0] == "#" or rest[0] in _RISKY or not line.isprintable():
        return _Item(start, end, None).node(lines)  # read now, and refused if need be
    at = len(line) - len(rest)
    return ((start + 1, at + 1), _Item(start, end, (start + 1, at + 1)))


class _Item:
    """What a block list's item holds, on lines ``start`` to before ``end``: read when a path first
    leads into it."""

    __slots__ = ("_children", "end", "mark", "start")

    def __init__(self, start: int, end: int, mark: Mark | None) -> None:
        self.start, self.end, self.mark = start, end, mark
        self._children: Any = None

    def node(self, lines: list[str]) -> Node:
        try:
            items = read_block(lines, self.start, self.end, list_root=True)[1]
        except (IndexError, RecursionError):
            raise Unsupported from None
        if len(items) != 1 or (self.mark is not None and items[0][0] != self.mark):
            raise Unsupported
        node: Node = items[0]
        return node

    def parse(self, lines: list[str]) -> Any:
        if self._children is None:
            self._children = self.node(lines)[1]
        return self._children


def _top(lines: list[str]) -> Node:
    """The root mapping of the file, its top-level keys read and their values where they are on the
    key's line; the others are read later (``_Later``)."""
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
        return read_block(lines, 0, len(lines))  # an indented mapping, or one in flow style
    if lines[n][0] == "-" and (len(lines[n]) == 1 or lines[n][1] == " "):
        raise Unsupported  # a list: a register file is a mapping
    entries: dict[str, tuple[Mark, Any]] = {}
    root: Node = ((n + 1, 1), entries)
    later: _Later | None = None
    for n in range(n, len(lines)):  # noqa: B020 - from the first line of content on
        line = lines[n]
        first = line[:1]
        if first == " " or first == "" or first == "#":
            continue  # a line of the value of the key above
        if first == "-" and (len(line) == 1 or line[1] == " "):
            continue  # an item of a list at the key's own indent
        if not line.isprintable() and REFUSED.search(line):
            raise Unsupported
        if later is not None:
            later.end = n
            later = None
        value: Any
        colon = line.find(": ")
        if 0 < colon <= LONGEST_KEY and first not in SPECIAL and line.find(" #", 0, colon) < 0:
            name = line[:colon].rstrip(" ")  # `key: value`, by far the most common line, read here
            rest = line[colon + 2 :].lstrip(" ")
            at = len(line) - len(rest)
            if rest and rest[0] not in SPECIAL:
                comment = rest.find(" #")
                text = rest if comment < 0 else rest[:comment]
                if ": " in text or text.rstrip(" ")[-1] == ":":
                    raise Unsupported
                if name not in entries:
                    entries[name] = ((n + 1, 1), ((n + 1, at + 1), None))
                continue
        else:
            found = read_key(line)
            if found is None:
                raise Unsupported  # another document, or what only an error explains
            name, _, at = found
        if at >= len(line) or line[at] == "#":
            value = later = _Later(name, n, True)
        else:
            first = line[at]
            if first == "[" or first == "{":
                try:
                    value = flow_value(n, at, line[at:])[0]
                except Unsupported:  # over several lines
                    value = later = _Later(name, n, False)
            elif first == '"' or first == "'":
                match = (DOUBLE if first == '"' else SINGLE).match(line, at)
                if match is None:
                    value = later = _Later(name, n, False)  # over several lines
                else:
                    if not rest_is_blank(line, match.end()):
                        raise Unsupported
                    value = ((n + 1, at + 1), None)
            else:
                value = read_value(lines, n, at, line[at:], 0, n + 1)[0]  # what follows is indented: not read
        if name not in entries:
            entries[name] = ((n + 1, 1), value)
    if later is not None:
        later.end = len(lines)
    return root
