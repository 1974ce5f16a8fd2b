"""The quick scanner's reading of lines of block style: mappings and lists by indentation, and the
scalars and one-line flow collections in them, as one document from a given line to another."""

from __future__ import annotations

import re

from partreg.yaml.flow import flow_value
from partreg.yaml.marks import (
    DOUBLE,
    LONGEST_KEY,
    NOT_PLAIN,
    REFUSED,
    SINGLE,
    SPECIAL,
    Mark,
    Node,
    Unsupported,
    rest_is_blank,
)

#: A block scalar's header, without an indentation indicator.
_BLOCK_HEADER = re.compile(r"[|>][+-]?[ ]*(?:\#.*)?$")


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


def read_key(content: str) -> tuple[str, int, int] | None:
    """The key ``content`` starts with (a line's content after its indent and any dash): its name,
    where its colon ends, and where the value after it starts; ``None`` where it holds no key."""
    first = content[0]
    if first == '"' or first == "'":
        match = (DOUBLE if first == '"' else SINGLE).match(content)
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
    elif first in NOT_PLAIN or (first in "-?:" and (len(content) == 1 or content[1] == " ")):
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
    if colon > LONGEST_KEY:
        raise Unsupported
    end = colon + 1
    if end < len(content) and content[end] != " ":
        raise Unsupported  # "key":value
    value = end
    while value < len(content) and content[value] == " ":
        value += 1
    return name, end, value


def read_block(lines: list[str], first_line: int, end_line: int, *, list_root: bool = False) -> Node:
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
        if not content.isprintable() and REFUSED.search(content):
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
        if pending is None and first not in SPECIAL and stack:
            # the most common line by far, `key: plain text` in the mapping being read, read here
            top = stack[-1]
            colon = content.find(": ")
            if top.column == indent and top.entries is not None and 0 < colon <= LONGEST_KEY:
                value = content[colon + 2 :].lstrip(" ")
                if value and value[0] not in SPECIAL and content.find(" #", 0, colon) < 0:
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
        found = read_key(content) if content and content[0] != "#" else None
        if not started:
            started = True
            if content.startswith("---") and not dash and (len(content) == 3 or content[3] == " "):
                if not rest_is_blank(content, 3):
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
                root, skip = flow_value(n, indent, content)
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
                    node, plain, block, skip = read_value(lines, n, indent, content, frame.column, end_line)
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
                node, plain, block, skip = read_value(lines, n, column, content, indent, end_line)
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
        node, plain, block, skip = read_value(lines, n, column + at, content[at:], column, end_line)
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


def read_value(
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
        match = (DOUBLE if first == '"' else SINGLE).match(rest)
        if match is not None:
            if not rest_is_blank(rest, match.end()):
                raise Unsupported
            return (mark, None), -2, -2, -1
        return (mark, None), -2, -2, _quoted_end(lines, n, column, parent, end_line)
    if first == "[" or first == "{":
        node, end = flow_value(n, column, rest)
        return node, -2, -2, end
    if first in NOT_PLAIN or (first in "-?:" and (len(rest) == 1 or rest[1] == " ")):
        raise Unsupported
    comment = rest.find(" #")
    value = rest if comment < 0 else rest[:comment]
    if ": " in value or value.rstrip(" ")[-1] == ":":
        raise Unsupported
    return (mark, None), (parent if comment < 0 else -2), -2, -1


def _quoted_end(lines: list[str], n: int, column: int, parent: int, end_line: int) -> int:
    """The last line of quoted text that starts at ``column`` of line ``n`` and goes on over lines
    indented further than its parent (``parent``), which only a comment may follow."""
    quote = DOUBLE if lines[n][column] == '"' else SINGLE
    size = 4
    while True:  # on lines from n, as many more each time: a look at the lines the text is on, not
        stop = min(end_line, n + size)  # at every line to the end of the block each time
        text = "\n".join(lines[n:stop])
        match = quote.match(text, column)  # on the first lines, where it ends there, as on them all
        if match is not None or stop == end_line:
            break
        size *= 4
    if match is None:
        raise Unsupported
    last = n + text.count("\n", 0, match.end())
    for k in range(n + 1, last + 1):
        line = lines[k]
        stripped = line.lstrip(" ")
        if not stripped.isprintable() and REFUSED.search(stripped):
            raise Unsupported
        if stripped and len(line) - len(stripped) <= parent:
            raise Unsupported
    if not rest_is_blank(lines[last], match.end() - (text.rfind("\n", 0, match.end()) + 1)):
        raise Unsupported
    return last
