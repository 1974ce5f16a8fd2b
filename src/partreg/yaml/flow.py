"""The quick scanner's reading of a flow collection written on one line (``[a, b]``, ``{name: x}``)."""

from __future__ import annotations

import re
from typing import Any

from partreg.yaml.marks import DOUBLE, NOT_PLAIN, SINGLE, Mark, Node, Unsupported, rest_is_blank

_FLOW_PLAIN = re.compile(
    r"(?:[^\s,\[\]{}#:]|:(?=[^\s,\[\]{}])|(?<=\S)#)+(?:[ ]+(?:[^\s,\[\]{}#:]|:(?=[^\s,\[\]{}])|(?<=\S)#)+)*"
)
_DEEPEST_FLOW = 100
_CLOSING = {"[": "]", "{": "}"}


def flow_value(n: int, column: int, rest: str) -> tuple[Node, int]:
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
        return (mark, Flow(rest, n, column)), n
    node, end = Flow(rest, n, column).read(0, 0)
    if not rest_is_blank(rest, end):
        raise Unsupported
    return node, n


class Flow:
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
            if not rest_is_blank(self.text, end):
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
            match = (DOUBLE if first == '"' else SINGLE).match(text, at)
            if match is None:
                raise Unsupported
            return (self.mark(at), None), match.end()
        if first in NOT_PLAIN or (first in "-?:" and (at + 1 >= len(text) or text[at + 1] in " ,[]{}")):
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
            match = (DOUBLE if first == '"' else SINGLE).match(text, at)
            if match is None:
                raise Unsupported
            name = match.group()[1:-1]
            if first == '"' and "\\" in name:
                raise Unsupported
            if first == "'":
                name = name.replace("''", "'")
        elif first in NOT_PLAIN or first in "-?:":
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
