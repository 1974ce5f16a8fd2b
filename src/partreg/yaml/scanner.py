"""Where each key and value of a register file starts, read from its text without composing it.

Register files are written in YAML's block style: mappings and lists by
indentation, plain and quoted text, ``|`` and ``>`` blocks, comments, and
short lists and mappings in flow style (``[a, b]``, ``{name: x}``). This
scanner reads that style, and nothing else, and gives exactly the line and
column that composing the file with ruamel.yaml gives
(``store.compose_for_positions``; tests compare the two on every path of the
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
"""

from __future__ import annotations

import re
from typing import Any

Key = tuple[str | int, ...]

#: A node: where it starts and its children: a dict of key -> (where the key starts, node) for a
#: mapping, a list of nodes for a list, ``None`` for a scalar; a flow collection is read when first
#: needed (``_Flow``).
Node = tuple["Mark", Any]


class Unsupported(Exception):
    """The text uses something the scanner does not read: compose the file instead."""


class Positions:
    """The start of every key and value of one file, by data path."""

    __slots__ = ("_lines", "_root")

    def __init__(self, root: Node, lines: list[str]) -> None:
        self._root = root
        self._lines = lines

    def locate(self, key: Key, *, at_key: bool = False) -> tuple[int, int]:
        """The 1-based line and column of ``key``, as ``store.Document.locate`` gives it: where the
        path runs out, the deepest part that exists; ``at_key`` points at the key, not its value.
        Raises :class:`Unsupported` where the path leads into a part of the file that the scanner
        reads only now and turns out not to read (the caller composes the file instead)."""
        node, key_at = self._root, None
        for part in key:
            children = node[1]
            while type(children) is _Flow or type(children) is _Item:
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


#: A 1-based line and column.
Mark = tuple[int, int]


#: Characters the scanner never reads, in a line that is not all printable: tabs, control
#: characters, the line breaks of YAML 1.1 (NEL, LS, PS), a carriage return that does not end a
#: line, and a byte order mark.
_REFUSED = re.compile("[\t\x00-\x1f\x7f\x85\u2028\u2029\ufeff]")
#: A block scalar's header, without an indentation indicator.
_BLOCK_HEADER = re.compile(r"[|>][+-]?[ ]*(?:\#.*)?$")
_DOUBLE = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_SINGLE = re.compile(r"'(?:[^']|'')*'")
_FLOW_PLAIN = re.compile(
    r"(?:[^\s,\[\]{}#:]|:(?=[^\s,\[\]{}])|(?<=\S)#)+(?:[ ]+(?:[^\s,\[\]{}#:]|:(?=[^\s,\[\]{}])|(?<=\S)#)+)*"
)
#: Characters that cannot start a plain scalar, or that start what the scanner does not read.
_NOT_PLAIN = frozenset("&*!%@`,[]{}#|>'\"")
#: Characters where a line or a value that starts with them is read by the general path.
_SPECIAL = _NOT_PLAIN | frozenset("-?:")
#: Implicit keys are limited to 1024 characters; well within that, the scanner leaves them to YAML.
_LONGEST_KEY = 1000
_DEEPEST_FLOW = 100
_CLOSING = {"[": "]", "{": "}"}


def scan(text: str) -> Positions | None:
    """The positions of ``text`` (a YAML file that was read without error), or ``None`` where it
    uses something the scanner does not read.

    Only the top-level keys are read at once, in one look at the first character of each line:
    what a line indented under a key holds is read when a path first leads there.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n")  # a line's columns are the same without it
    lines = text.split("\n")
    try:
        return Positions(_top(lines), lines)
    except (Unsupported, IndexError, RecursionError):
        return None


class _Later:
    """The value of a top-level key, on the lines from the key's own to the next top-level key's:
    read (by :func:`_scan`) when a path first leads into it. A block list is read item by item:
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
            entry = _scan(lines, self.start, self.end)[1].get(self.name)
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
            items = _scan(lines, self.start, self.end, list_root=True)[1]
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
            if not _blank(stripped, 3) or len(stripped) < len(lines[n]):
                raise Unsupported
        n += 1
    if n >= len(lines) or lines[n][0] == " " or lines[n][0] in "[{":
        return _scan(lines, 0, len(lines))  # an indented mapping, or one in flow style
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
        if not line.isprintable() and _REFUSED.search(line):
            raise Unsupported
        if later is not None:
            later.end = n
            later = None
        value: Any
        colon = line.find(": ")
        if 0 < colon <= _LONGEST_KEY and first not in _SPECIAL and line.find(" #", 0, colon) < 0:
            name = line[:colon].rstrip(" ")  # `key: value`, by far the most common line, read here
            rest = line[colon + 2 :].lstrip(" ")
            at = len(line) - len(rest)
            if rest and rest[0] not in _SPECIAL:
                comment = rest.find(" #")
                text = rest if comment < 0 else rest[:comment]
                if ": " in text or text.rstrip(" ")[-1] == ":":
                    raise Unsupported
                if name not in entries:
                    entries[name] = ((n + 1, 1), ((n + 1, at + 1), None))
                continue
        else:
            found = _key(line)
            if found is None:
                raise Unsupported  # another document, or what only an error explains
            name, _, at = found
        if at >= len(line) or line[at] == "#":
            value = later = _Later(name, n, True)
        else:
            first = line[at]
            if first == "[" or first == "{":
                try:
                    value = _flow_value(n, at, line[at:])[0]
                except Unsupported:  # over several lines
                    value = later = _Later(name, n, False)
            elif first == '"' or first == "'":
                match = (_DOUBLE if first == '"' else _SINGLE).match(line, at)
                if match is None:
                    value = later = _Later(name, n, False)  # over several lines
                else:
                    if not _blank(line, match.end()):
                        raise Unsupported
                    value = ((n + 1, at + 1), None)
            else:
                value = _value(lines, n, at, line[at:], 0, n + 1)[0]  # what follows is indented: not read
        if name not in entries:
            entries[name] = ((n + 1, 1), value)
    if later is not None:
        later.end = len(lines)
    return root


class _Frame:
    """A block mapping or list being read: the column of its keys or dashes, and what it holds."""

    __slots__ = ("column", "entries", "indentless", "items")

    def __init__(
        self,
        column: int,
        entries: dict[str, tuple[Mark, Node]] | None,
        items: list[Node] | None,
        indentless: bool = False,
    ) -> None:
        self.column, self.entries, self.items, self.indentless = column, entries, items, indentless


def _key(content: str) -> tuple[str, int, int] | None:
    """The key ``content`` starts with (a line's content after its indent and any dash): its name,
    where its colon ends, and where the value after it starts; ``None`` where it holds no key."""
    first = content[0]
    if first == '"' or first == "'":
        match = (_DOUBLE if first == '"' else _SINGLE).match(content)
        if match is None:
            return None  # quoted text over several lines: a value
        colon = match.end()
        while colon < len(content) and content[colon] == " ":
            colon += 1
        if colon >= len(content) or content[colon] != ":":
            return None
        name = match.group()[1:-1]
        if first == '"':
            if "\\" in name or "\n" in name:
                raise Unsupported
        else:
            name = name.replace("''", "'")
    elif first in _NOT_PLAIN or (first in "-?:" and (len(content) == 1 or content[1] == " ")):
        return None
    else:
        colon = content.find(": ")
        if colon < 0:
            if content[-1] != ":":
                return None
            colon = len(content) - 1
        hash_ = content.find(" #", 0, colon)
        if hash_ >= 0:
            return None
        name = content[:colon].rstrip(" ")
    if colon > _LONGEST_KEY:
        raise Unsupported
    end = colon + 1
    if end < len(content) and content[end] != " ":
        raise Unsupported  # "key":value
    value = end
    while value < len(content) and content[value] == " ":
        value += 1
    return name, end, value


def _scan(lines: list[str], first_line: int, end_line: int, *, list_root: bool = False) -> Node:
    """The root node of ``lines[first_line:end_line]``, read as a whole document: a mapping, or with
    ``list_root`` a block list."""
    stack: list[_Frame] = []
    root: Node | None = None
    started = False  # after the first line of content (or a leading ---)
    #: A key or a dash with nothing after it on its line: (its frame, the key, where the key starts,
    #: where an empty value would start); the next line says what the value is.
    pending: tuple[_Frame, str | None, Mark | None, Mark] | None = None
    plain = -2  # the column of the collection that plain text just read belongs to: it may go on
    block = -2  # the same, for a | or > block: its lines follow
    block_indent, blank = -1, 0
    skip = -1  # the last line of quoted text or a flow collection read over several lines
    for n in range(first_line, end_line):
        if n <= skip:
            continue
        line = lines[n]
        content = line.lstrip(" ")
        if not content.isprintable() and _REFUSED.search(content):
            raise Unsupported
        indent = len(line) - len(content)
        if block > -2:  # inside a | or > block
            if not content:
                if indent > blank:
                    blank = indent
                continue
            if block_indent < 0:
                if indent > block:
                    if blank > indent:
                        raise Unsupported
                    block_indent = indent
                    continue
            elif indent >= block_indent:
                continue
            elif indent > block:
                raise Unsupported
            block = -2
        if not content:
            continue
        first = content[0]
        if first == "#":
            plain = -2
            continue
        if plain > -2:
            if indent > plain:  # the plain text goes on
                if ": " in content or " #" in content or content[-1] == ":":
                    raise Unsupported
                continue
            plain = -2
        if pending is None and first not in _SPECIAL and stack:
            # the most common line by far, `key: plain text` in the mapping being read, read here
            top = stack[-1]
            colon = content.find(": ")
            if top.column == indent and top.entries is not None and 0 < colon <= _LONGEST_KEY:
                value = content[colon + 2 :].lstrip(" ")
                if value and value[0] not in _SPECIAL and content.find(" #", 0, colon) < 0:
                    comment = value.find(" #")
                    text_ = value if comment < 0 else value[:comment]
                    if ": " in text_ or text_.rstrip(" ")[-1] == ":":
                        raise Unsupported
                    name = content[:colon].rstrip(" ")
                    if name not in top.entries:
                        top.entries[name] = (
                            (n + 1, indent + 1),
                            ((n + 1, indent + len(content) - len(value) + 1), None),
                        )
                    plain = indent if comment < 0 else -2
                    continue
        dash = first == "-" and (len(content) == 1 or content[1] == " ")
        column = indent
        if dash:
            after = content[1:].lstrip(" ")
            column = indent + len(content) - len(after)
            content = after
        found = _key(content) if content and content[0] != "#" else None
        if not started:
            started = True
            if content.startswith("---") and not dash and (len(content) == 3 or content[3] == " "):
                if not _blank(content, 3):
                    raise Unsupported
                continue
        if root is None:
            if found is not None and not dash:
                frame = _Frame(indent, {}, None)
                stack.append(frame)
                root = ((n + 1, indent + 1), frame.entries)
            elif dash and list_root:
                frame = _Frame(indent, None, [])
                stack.append(frame)
                root = ((n + 1, indent + 1), frame.items)
            elif not dash and first in "[{":
                root, skip = _flow_value(n, indent, content)
                continue
            else:
                raise Unsupported  # a list or a single value: a register file is a mapping
        elif pending is not None:
            frame, owner, owner_mark, empty = pending
            pending = None
            node: Node
            if indent > frame.column:
                if dash:
                    inner = _Frame(indent, None, [])
                    stack.append(inner)
                    node = ((n + 1, indent + 1), inner.items)
                elif found is not None:
                    inner = _Frame(indent, {}, None)
                    stack.append(inner)
                    node = ((n + 1, indent + 1), inner.entries)
                else:
                    node, plain, block, skip = _value(lines, n, indent, content, frame.column, end_line)
                    block_indent, blank = -1, 0
                    _attach(frame, owner, owner_mark, node)
                    continue
            elif indent == frame.column and dash and frame.entries is not None:
                inner = _Frame(indent, None, [], indentless=True)
                stack.append(inner)
                node = ((n + 1, indent + 1), inner.items)
            else:
                node = (empty, None)
            _attach(frame, owner, owner_mark, node)
        elif not stack:
            raise Unsupported  # more after the root's flow collection
        while stack and (
            stack[-1].column > indent or (stack[-1].indentless and stack[-1].column == indent and not dash)
        ):
            stack.pop()
        if not stack or stack[-1].column != indent:
            raise Unsupported
        frame = stack[-1]
        entries = frame.entries
        if dash:
            items = frame.items
            if items is None:
                raise Unsupported
            if found is not None:
                inner = _Frame(column, {}, None)
                stack.append(inner)
                entries = inner.entries
                items.append(((n + 1, column + 1), entries))
            elif not content or content[0] == "#":
                pending = (frame, None, None, (n + 1, indent + 2))
                continue
            else:
                node, plain, block, skip = _value(lines, n, column, content, indent, end_line)
                block_indent, blank = -1, 0
                items.append(node)
                continue
        if found is None or entries is None:
            raise Unsupported
        name, colon, at = found
        key_mark = (n + 1, column + 1)
        if at >= len(content) or content[at] == "#":
            pending = (stack[-1], name, key_mark, (n + 1, column + colon + 1))
            continue
        node, plain, block, skip = _value(lines, n, column + at, content[at:], column, end_line)
        block_indent, blank = -1, 0
        if name not in entries:
            entries[name] = (key_mark, node)
    if pending is not None:
        frame, owner, owner_mark, empty = pending
        _attach(frame, owner, owner_mark, (empty, None))
    if root is None:
        raise Unsupported
    return root


def _attach(frame: _Frame, name: str | None, key_mark: Mark | None, node: Node) -> None:
    if frame.items is not None:
        frame.items.append(node)
    elif (
        frame.entries is not None and name is not None and key_mark is not None and name not in frame.entries
    ):
        frame.entries[name] = (key_mark, node)


def _value(
    lines: list[str], n: int, column: int, rest: str, parent: int, end_line: int
) -> tuple[Node, int, int, int]:
    """The scalar or flow collection ``rest`` starts with, at ``column`` of line ``n``, inside a
    collection indented ``parent``; then the column plain text that may go on belongs to (or -2),
    the same for a | or > block (or -2), and the last line that quoted text or a flow collection
    read over several lines ends on (or -1)."""
    mark = (n + 1, column + 1)
    first = rest[0]
    if first == "|" or first == ">":
        if not _BLOCK_HEADER.match(rest):
            raise Unsupported
        return (mark, None), -2, parent, -1
    if first == '"' or first == "'":
        match = (_DOUBLE if first == '"' else _SINGLE).match(rest)
        if match is not None:
            if not _blank(rest, match.end()):
                raise Unsupported
            return (mark, None), -2, -2, -1
        return (mark, None), -2, -2, _quoted_end(lines, n, column, parent, end_line)
    if first == "[" or first == "{":
        node, end = _flow_value(n, column, rest)
        return node, -2, -2, end
    if first in _NOT_PLAIN or (first in "-?:" and (len(rest) == 1 or rest[1] == " ")):
        raise Unsupported
    comment = rest.find(" #")
    value = rest if comment < 0 else rest[:comment]
    if ": " in value or value.rstrip(" ")[-1] == ":":
        raise Unsupported
    return (mark, None), (parent if comment < 0 else -2), -2, -1


def _blank(line: str, at: int) -> bool:
    """Only spaces and a comment from ``at`` to the end of ``line``."""
    rest = line[at:]
    stripped = rest.lstrip(" ")
    return not stripped or (stripped[0] == "#" and len(stripped) < len(rest))


def _quoted_end(lines: list[str], n: int, column: int, parent: int, end_line: int) -> int:
    """The last line of quoted text that starts at ``column`` of line ``n`` and goes on over lines
    indented further than its parent (``parent``), which only a comment may follow."""
    text = "\n".join(lines[n:end_line])
    match = (_DOUBLE if text[column] == '"' else _SINGLE).match(text, column)
    if match is None:
        raise Unsupported
    last = n + text.count("\n", 0, match.end())
    for k in range(n + 1, last + 1):
        line = lines[k]
        stripped = line.lstrip(" ")
        if not stripped.isprintable() and _REFUSED.search(stripped):
            raise Unsupported
        if stripped and len(line) - len(stripped) <= parent:
            raise Unsupported
    if not _blank(lines[last], match.end() - (text.rfind("\n", 0, match.end()) + 1)):
        raise Unsupported
    return last


def _flow_value(n: int, column: int, rest: str) -> tuple[Node, int]:
    """The flow collection ``rest`` starts with, at ``column`` of line ``n``, and its last line. One
    that is all on its line, with no quotes or comments, is read only when a path leads into it."""
    mark = (n + 1, column + 1)
    stripped = rest.rstrip(" ")
    if (
        stripped[-1] == _CLOSING[rest[0]]
        and "'" not in rest
        and '"' not in rest
        and "#" not in rest
        and rest.count("[") == rest.count("]")
        and rest.count("{") == rest.count("}")
    ):
        return (mark, _Flow(rest, n, column)), n
    node, end = _Flow(rest, n, column).read(0, 0)
    if not _blank(rest, end):
        raise Unsupported
    return node, n


class _Flow:
    """A flow collection on one line, read when a path first leads into it."""

    __slots__ = ("_children", "column", "line", "text")

    def __init__(self, text: str, line: int, column: int) -> None:
        self.text, self.line, self.column = text, line, column
        self._children: Any = None

    def parse(self, lines: list[str] | None = None) -> Any:
        if self._children is None:
            try:
                node, end = self.read(0, 0)
            except (IndexError, RecursionError):
                raise Unsupported from None
            if not _blank(self.text, end):
                raise Unsupported
            self._children = node[1]
        return self._children

    def mark(self, at: int) -> Mark:
        return (self.line + 1, self.column + at + 1)

    def read(self, start: int, depth: int) -> tuple[Node, int]:
        """The ``[...]`` or ``{...}`` at ``start`` of the text, and where it ends."""
        if depth > _DEEPEST_FLOW:
            raise Unsupported
        text = self.text
        mapping = text[start] == "{"
        close = "}" if mapping else "]"
        entries: dict[str, tuple[Mark, Node]] = {}
        items: list[Node] = []
        node: Node = (self.mark(start), entries if mapping else items)
        at = self.space(start + 1)
        if text[at] == close:
            return node, at + 1
        while True:
            if mapping:
                name, key_at, at = self.key(at)
                if text[at] != ":" or at + 1 >= len(text) or text[at + 1] != " ":
                    raise Unsupported
                at = self.space(at + 1)
                if text[at] in ",}":
                    raise Unsupported
                value, at = self.node(at, depth)
                if name not in entries:
                    entries[name] = (self.mark(key_at), value)
            else:
                item, at = self.node(at, depth)
                items.append(item)
            at = self.space(at)
            if text[at] == ",":
                at = self.space(at + 1)
                if text[at] == close:
                    return node, at + 1
                continue
            if text[at] == close:
                return node, at + 1
            raise Unsupported

    def node(self, at: int, depth: int) -> tuple[Node, int]:
        text = self.text
        first = text[at]
        if first == "[" or first == "{":
            return self.read(at, depth + 1)
        if first == '"' or first == "'":
            match = (_DOUBLE if first == '"' else _SINGLE).match(text, at)
            if match is None:
                raise Unsupported
            return (self.mark(at), None), match.end()
        if first in _NOT_PLAIN or (first in "-?:" and (at + 1 >= len(text) or text[at + 1] in " ,[]{}")):
            raise Unsupported
        match = _FLOW_PLAIN.match(text, at)
        if match is None:
            raise Unsupported
        return (self.mark(at), None), match.end()

    def key(self, at: int) -> tuple[str, int, int]:
        """A flow mapping's key at ``at``: its text, where it starts, and where the colon after it is."""
        text = self.text
        first = text[at]
        if first == '"' or first == "'":
            match = (_DOUBLE if first == '"' else _SINGLE).match(text, at)
            if match is None:
                raise Unsupported
            name = match.group()[1:-1]
            if first == '"' and "\\" in name:
                raise Unsupported
            if first == "'":
                name = name.replace("''", "'")
        elif first in _NOT_PLAIN or first in "-?:":
            raise Unsupported
        else:
            match = _FLOW_PLAIN.match(text, at)
            if match is None:
                raise Unsupported
            name = match.group()
        end = match.end()
        while end < len(text) and text[end] == " ":
            end += 1
        return name, at, end

    def space(self, at: int) -> int:
        """Where the next character is that is not a space or part of a comment (a comment ends the
        line, and a flow collection must close on its line: the scanner reads no other)."""
        text = self.text
        while text[at] == " ":
            at += 1
        if text[at] == "#":
            raise Unsupported
        return at
