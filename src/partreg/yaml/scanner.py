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

This module finds the keys of block mappings and where the parts read later start;
``blocks`` reads lines of block style (what is not a mapping read key by key), and
``flow`` a flow collection.
"""

from __future__ import annotations

import re
from typing import Any

from partreg.yaml.blocks import read_block, read_key, read_value
from partreg.yaml.flow import Flow, flow_value
from partreg.yaml.library import lf_breaks
from partreg.yaml.marks import (
    DOUBLE,
    LONGEST_KEY,
    REFUSED,
    REFUSED_CHARACTERS,
    SINGLE,
    SPECIAL,
    Key,
    Mark,
    Node,
    Unsupported,
    rest_is_blank,
)

#: A line of the kinds most lines of a register file are, ``key: plain text`` and ``key:`` (its value
#: on the lines below), written simply: a key of letters, digits, ``_`` and ``-``, and text that
#: starts with no character of ``SPECIAL`` and holds no ``:``, no ``#`` and nothing ``REFUSED``.
#: Such a line reads the same by the general path; every other line takes that path.
_SIMPLE = re.compile(
    rf"( *)([A-Za-z_][A-Za-z0-9_-]*):(?: +([^ {re.escape(''.join(sorted(SPECIAL)))}{REFUSED_CHARACTERS}]"
    rf"[^:#{REFUSED_CHARACTERS}]*))?"
)

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
            found = _keys(lines, n, n + 1, 0).get(name) if n >= self._first else None
            if found is None:
                for key, entry in _keys(lines, self._first, len(lines), 0).items():
                    entries.setdefault(key, entry)  # those found already may have been read further
                self._some = 0
                return
        except (IndexError, RecursionError):
            raise Unsupported from None
        if type(found[1]) is _Later:
            found[1].end = _next_top(lines, n + 1)
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


class _Later:
    """The value of a key, on the lines from the key's own to the next key's of its mapping: read
    when a path first leads into it. A block mapping is read key by key, as the top-level one is
    (``_keys``), and a block list item by item: where each starts at once, what each holds when a
    path leads into it (a list of 100,000 items is read in a look at the start of each line, not a
    full reading of each). ``item``: the key follows a list's dash on its line."""

    __slots__ = ("empty", "end", "item", "name", "start")

    def __init__(self, name: str, start: int, empty: bool, item: bool = False) -> None:
        self.name, self.start, self.end, self.empty, self.item = name, start, start + 1, empty, item

    def read(self, lines: list[str]) -> Node:
        try:
            if self.empty:  # nothing after the key on its line: perhaps a block mapping or list
                k = self.start + 1
                while k < self.end and (not lines[k].strip(" ") or lines[k].lstrip(" ")[0] == "#"):
                    k += 1
                if k < self.end:
                    content = lines[k].lstrip(" ")
                    column = len(lines[k]) - len(content)
                    if content[0] == "-" and (len(content) == 1 or content[1] == " "):
                        return _sequence(lines, k, self.end, column)
                    if content[0] not in SPECIAL and read_key(content) is not None:
                        return ((k + 1, column + 1), _keys(lines, k, self.end, column))
            root = read_block(lines, self.start, self.end, list_root=self.item)[1]
            if self.item:
                root = root[0][1] if len(root) == 1 else None
            entry = root.get(self.name) if type(root) is dict else None
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
            column = self.mark[1] - 1 if self.mark is not None else -1
            content = lines[self.start][column:] if column >= 0 else ""
            if content and content[0] not in SPECIAL and read_key(content) is not None:
                try:  # a mapping: read key by key, as the top-level one is
                    self._children = _keys(lines, self.start, self.end, column, item=True)
                except (IndexError, RecursionError):
                    raise Unsupported from None
            else:
                self._children = self.node(lines)[1]
        return self._children


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
    entries = _keys(lines, n, n + 1, 0)  # a key, or what the scanner does not read
    for _, value in entries.values():
        if type(value) is _Later:
            value.end = _next_top(lines, n + 1)
    return ((n + 1, 1), entries), n


def _next_top(lines: list[str], start: int) -> int:
    """The line of the next top-level key from ``start`` on (as ``_keys`` finds it), or the end."""
    for n in range(start, len(lines)):
        line = lines[n]
        first = line[:1]
        if first == " " or first == "" or first == "#":
            continue
        if first == "-" and (len(line) == 1 or line[1] == " "):
            continue
        if not line.isprintable() and REFUSED.search(line):
            raise Unsupported
        return n
    return len(lines)


def _keys(
    lines: list[str], first: int, end: int, indent: int, *, item: bool = False
) -> dict[str, tuple[Mark, Any]]:
    """The keys of the block mapping whose keys are at column ``indent`` on lines ``first`` (its first
    key's, after a list's dash where ``item``) to before ``end``: where each starts, and where its
    value does if on the key's line; a value on the lines below its key is read when a path first
    leads there (``_Later``). The lines indented deeper are not looked at: the YAML parser accepted the
    file, and it refuses text that goes on over lines (quoted, or in brackets) at a key's indent."""
    entries: dict[str, tuple[Mark, Any]] = {}
    later: _Later | None = None
    for n in range(first, end):
        line = lines[n]
        if n == first:
            content = line[indent:]
        else:
            if line[indent : indent + 1] == " ":
                continue  # a line of the value of the key above (or a comment in it)
            simple = _SIMPLE.fullmatch(line)
            if simple is not None:  # most lines: read in one look
                if simple.end(1) != indent:
                    raise Unsupported  # less indented than the keys, yet inside the mapping
                if later is not None:
                    later.end = n
                    later = None
                name, at = simple[2], simple.start(3)
                if at < 0:  # `key:`, its value on the lines below
                    later = _Later(name, n, True)
                if name not in entries:
                    entries[name] = ((n + 1, indent + 1), ((n + 1, at + 1), None) if at >= 0 else later)
                continue
            content = line.lstrip(" ")
            if not content or content[0] == "#":
                continue  # a blank line or a comment
            if len(content) + indent != len(line):
                raise Unsupported  # less indented than the keys, yet inside the mapping
        first_char = content[0]
        if first_char == "-" and (len(content) == 1 or content[1] == " "):
            continue  # an item of a list at the key's own indent
        if not content.isprintable() and REFUSED.search(content):
            raise Unsupported
        if later is not None:
            later.end = n
            later = None
        value: Any
        colon = content.find(": ")
        if 0 < colon <= LONGEST_KEY and first_char not in SPECIAL and content.find(" #", 0, colon) < 0:
            name = content[:colon].rstrip(" ")  # `key: value`, by far the most common line, read here
            rest = content[colon + 2 :].lstrip(" ")
            at = len(content) - len(rest)
            if rest and rest[0] not in SPECIAL:
                comment = rest.find(" #")
                text = rest if comment < 0 else rest[:comment]
                if ": " in text or text.rstrip(" ")[-1] == ":":
                    raise Unsupported
                if name not in entries:
                    entries[name] = ((n + 1, indent + 1), ((n + 1, indent + at + 1), None))
                continue
        elif (
            colon < 0
            and content[-1] == ":"
            and first_char not in SPECIAL
            and len(content) <= LONGEST_KEY + 1
            and content.find(" #") < 0
        ):
            name, at = content[:-1].rstrip(" "), len(content)  # `key:`, its value on the lines below
        else:
            found = read_key(content)
            if found is None:
                raise Unsupported  # another document, or what only an error explains
            name, _, at = found
        if at >= len(content) or content[at] == "#":
            value = later = _Later(name, n, True, item and n == first)
        else:
            first_char = content[at]
            column = indent + at
            if first_char == "[" or first_char == "{":
                try:
                    value = flow_value(n, column, content[at:])[0]
                except Unsupported:  # over several lines
                    value = later = _Later(name, n, False, item and n == first)
            elif first_char == '"' or first_char == "'":
                match = (DOUBLE if first_char == '"' else SINGLE).match(content, at)
                if match is None:
                    value = later = _Later(name, n, False, item and n == first)  # over several lines
                else:
                    if not rest_is_blank(content, match.end()):
                        raise Unsupported
                    value = ((n + 1, column + 1), None)
            else:  # what follows is indented: not read
                value = read_value(lines, n, column, content[at:], indent, n + 1)[0]
        if name not in entries:
            entries[name] = ((n + 1, indent + 1), value)
    if later is not None:
        later.end = end
    return entries
