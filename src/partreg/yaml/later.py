"""The parts of a file the quick scanner (``partreg.yaml.scanner``) reads only when a path first
leads into them: the value of a key on the lines below it (``Later``), a block mapping read key by
key (``block_keys``), and a block list whose items are found at once and each read later
(``sequence``, ``Items``, ``Item``). What each gives is what composing the file gives; where one
meets what the scanner does not read, it raises ``Unsupported``."""

from __future__ import annotations

import re
from typing import Any

from partreg.yaml.blocks import read_block, read_key, read_value
from partreg.yaml.flow import flow_value
from partreg.yaml.marks import (
    DOUBLE,
    LONGEST_KEY,
    REFUSED,
    REFUSED_CHARACTERS,
    SINGLE,
    SPECIAL,
    Mark,
    Node,
    Unsupported,
    rest_is_blank,
)

#: A line of the kinds most lines of a register file are, ``key: plain text`` and ``key:`` (its value
#: on the lines below), written simply: a key of letters, digits, ``_`` and ``-``, and text that
#: starts with no character of ``SPECIAL`` and holds no ``:``, no ``#`` and nothing ``REFUSED``.
#: Such a line reads the same by the general path; every other line takes that path.
SIMPLE_LINE = re.compile(
    rf"( *)([A-Za-z_][A-Za-z0-9_-]*):(?: +([^ {re.escape(''.join(sorted(SPECIAL)))}{REFUSED_CHARACTERS}]"
    rf"[^:#{REFUSED_CHARACTERS}]*))?"
)


class Later:
    """The value of a key, on the lines from the key's own to the next key's of its mapping: read
    when a path first leads into it. A block mapping is read key by key, as the top-level one is
    (``block_keys``), and a block list item by item: where each starts at once, what each holds when a
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
                        return sequence(lines, k, self.end, column)
                    if _opens_mapping(content):
                        return ((k + 1, column + 1), block_keys(lines, k, self.end, column))
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


def _opens_mapping(content: str) -> bool:
    """Whether a line's ``content`` (after its indent, or a list's dash) is a plain key: a mapping
    read key by key (``block_keys``) starts there; another is read whole (``read_block``)."""
    return content[0] not in SPECIAL and read_key(content) is not None


#: Characters that start an item the scanner reads at once rather than later (where it is refused).
RISKY = frozenset("&*!%@`,?:-")


def sequence(lines: list[str], first: int, end: int, column: int) -> Node:
    """The block list whose dashes are at ``column``, from line ``first`` to before ``end``: the
    line each item starts on, each read when a path leads to it (``Items``)."""
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
    return ((first + 1, column + 1), Items(lines, starts, column))


class Items:
    """A block list's items, each read when a path first leads to it (where it starts at once; what
    it holds, later: ``Item``)."""

    __slots__ = ("_column", "_lines", "_read", "_starts")

    def __init__(self, lines: list[str], starts: list[int], column: int) -> None:
        self._lines, self._starts, self._column = lines, starts, column
        self._read: dict[int, Node] = {}

    def __len__(self) -> int:
        return len(self._starts) - 1

    def __getitem__(self, index: int) -> Node:
        node = self._read.get(index)
        if node is None:
            node = self._read[index] = item_node(
                self._lines, self._starts[index], self._starts[index + 1], self._column
            )
        return node


def item_node(lines: list[str], start: int, end: int, column: int) -> Node:
    line = lines[start]
    rest = line[column + 1 :].lstrip(" ")
    if not rest or rest[0] == "#" or rest[0] in RISKY or not line.isprintable():
        return Item(start, end, None).node(lines)  # read now, and refused if need be
    at = len(line) - len(rest)
    return ((start + 1, at + 1), Item(start, end, (start + 1, at + 1)))


class Item:
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
            if content and _opens_mapping(content):
                try:  # a mapping: read key by key, as the top-level one is
                    self._children = block_keys(lines, self.start, self.end, column, item=True)
                except (IndexError, RecursionError):
                    raise Unsupported from None
            else:
                self._children = self.node(lines)[1]
        return self._children


def next_top(lines: list[str], start: int) -> int:
    """The line of the next top-level key from ``start`` on (as ``block_keys`` finds it), or the end."""
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


def block_keys(
    lines: list[str], first: int, end: int, indent: int, *, item: bool = False
) -> dict[str, tuple[Mark, Any]]:
    """The keys of the block mapping whose keys are at column ``indent`` on lines ``first`` (its first
    key's, after a list's dash where ``item``) to before ``end``: where each starts, and where its
    value does if on the key's line; a value on the lines below its key is read when a path first
    leads there (``Later``). The lines indented deeper are not looked at: the YAML parser accepted the
    file, and it refuses text that goes on over lines (quoted, or in brackets) at a key's indent."""
    entries: dict[str, tuple[Mark, Any]] = {}
    later: Later | None = None
    for n in range(first, end):
        line = lines[n]
        if n == first and item:
            content = line[indent:]  # after the list's dash
        else:
            # (the first line is a key at ``indent``, as the caller found it: read as the others are)
            if n != first and line[indent : indent + 1] == " ":
                continue  # a line of the value of the key above (or a comment in it)
            simple = SIMPLE_LINE.fullmatch(line)
            if simple is not None:  # most lines: read in one look
                if simple.end(1) != indent:
                    raise Unsupported  # less indented than the keys, yet inside the mapping
                if later is not None:
                    later.end = n
                    later = None
                name, at = simple[2], simple.start(3)
                if at < 0:  # `key:`, its value on the lines below
                    later = Later(name, n, True)
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
            value = later = Later(name, n, True, item and n == first)
        else:
            first_char = content[at]
            column = indent + at
            if first_char == "[" or first_char == "{":
                try:
                    value = flow_value(n, column, content[at:])[0]
                except Unsupported:  # over several lines
                    value = later = Later(name, n, False, item and n == first)
            elif first_char == '"' or first_char == "'":
                match = (DOUBLE if first_char == '"' else SINGLE).match(content, at)
                if match is None:
                    value = later = Later(name, n, False, item and n == first)  # over several lines
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
