"""Where each key and value of a file starts: the quick scanner's answer where it reads the file
(``partreg.yaml.scanner``), and otherwise the answer of composing the file with ruamel.yaml."""

from __future__ import annotations

import functools
import re
from typing import Any, Literal

from partreg.collector import collector_paused
from partreg.yaml.library import quiet, round_trip, same_for_ruamel, same_length_for_ruamel
from partreg.yaml.marks import Key, Unsupported
from partreg.yaml.scanner import Positions, scan


class Locator:
    """The positions in one file's text, found when first asked for: by the quick scanner where it
    reads the file, by composing it where it does not."""

    __slots__ = ("_fast", "_keys", "_nodes", "_plain", "_top", "text")

    def __init__(self, text: str | None, data: Any = None) -> None:
        self.text = text
        #: The top-level keys of the data read from ``text``, which may say at once that a key is
        #: not in the file (see :meth:`locate`); ``False`` once they may not.
        self._top: dict[Any, Any] | Literal[False] = (
            data if type(data) is dict and text is not None else False
        )
        self._plain: bool | None = None
        #: Where keys and values start, as the quick scanner of block style read them (``False``
        #: where it does not read the file, which is then composed by ruamel.yaml: ``_nodes``).
        self._fast: Positions | Literal[False] | None = None
        self._nodes: Any = None
        #: Each mapping's keys as the file writes them, by the id of its node: found once, each key
        #: in one step after that, so locating every key of a mapping takes time that grows with its
        #: size.
        self._keys: dict[int, dict[str, tuple[Any, Any]]] = {}

    def locate(self, key: Key, *, at_key: bool = False) -> tuple[int, int]:
        """The 1-based line and column of ``key`` in the file.

        Where the path runs out (a missing field), the position of the deepest
        part that exists. ``at_key`` points at the key rather than its value.

        A top-level key written as a plain name that the data does not have is in no line of a
        file whose top-level keys are in block style, and its place is the file's start: so says
        composing the file, and no line is read to say so. Unless the file has a tag (``!!null
        title:`` is a key the data does not have by that name) or a character that ruamel.yaml is
        given as a space (``title`` and a NEL, as a key, is ``title`` to it): composing says where
        those are. (In flow style, ruamel.yaml reads ``{?title: x}`` as the key ``title``.)
        """
        if self._fast is None and self.text is not None:
            self._fast = scan(self.text) or False
        if self._fast:
            top = self._top
            if top and key and type(key[0]) is str and key[0] not in top and _NAME.fullmatch(key[0]):
                if self._plain is None:  # looked at once, where it would answer
                    text = self.text or ""
                    self._plain = self._fast.block_root and "!" not in text and same_for_ruamel(text)
                if self._plain:
                    return (1, 1)
            try:
                return self._fast.locate(key, at_key=at_key)
            except Unsupported:  # a flow collection it reads only now turns out to be beyond it
                self._fast = False
        return self.locate_by_composing(key, at_key=at_key)

    def locate_by_composing(self, key: Key, *, at_key: bool = False) -> tuple[int, int]:
        """:meth:`locate` by way of composing the file with ruamel.yaml: the slow path, which every
        file can take, and against which the fast one is tested."""
        root = self._compose()
        if root is None:
            return (1, 1)
        node, key_node = root, None
        for part in key:
            found = self._child(node, part)
            if found is None:
                target = key_node if key_node is not None else node
                return _mark(target) if target is not root else (1, 1)
            key_node, node = found
        target = key_node if at_key and key_node is not None else node
        return _mark(target)

    def _compose(self) -> Any:
        if self._nodes is None and self.text is not None:
            try:
                self._nodes = compose_for_positions(self.text) or False
            except Exception:
                self._nodes = False
        return self._nodes or None

    def _child(self, node: Any, part: str | int) -> tuple[Any, Any] | None:
        """The key and value nodes of ``part`` in ``node``: the first, where a key is repeated."""
        from ruamel.yaml.nodes import MappingNode, SequenceNode

        if isinstance(node, MappingNode) and isinstance(part, str):
            keys = self._keys.get(id(node))
            if keys is None:
                keys = self._keys[id(node)] = {}
                for k, v in node.value:
                    if isinstance(value := getattr(k, "value", None), str):
                        keys.setdefault(value, (k, v))
            return keys.get(part)
        if isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            item = node.value[part]
            return item, item
        return None


#: A key written so that YAML reads it as that text, whatever the file: a name of small letters,
#: digits, ``-`` and ``_`` that starts with a letter and is not ``true``, ``false`` or ``null``.
_NAME = re.compile(r"(?!(?:true|false|null)$)[a-z][a-z0-9_-]*")


def _mark(node: Any) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def compose_for_positions(text: str) -> Any:
    """The file's node tree with every node's line and column (see :func:`same_length_for_ruamel`).

    ruamel.yaml's C composer (ruamel.yaml.clib) is ten times faster than its
    round-trip one, which matters when many files have problems; where it
    refuses a file that yaml-rs read (``[b, :c]``), the round-trip composer
    takes over, for a file of at most ``ROUND_TRIP_MOST`` characters.
    """
    from ruamel.yaml import YAML

    text = same_length_for_ruamel(text)
    yaml = YAML(typ="safe")
    yaml.Resolver = _untyped()
    with collector_paused(), quiet():
        try:
            return yaml.compose(text)
        except Exception:
            if len(text) > ROUND_TRIP_MOST:
                return None  # the problems are shown at the file's start
            return round_trip().compose(text)


#: The longest file composed by ruamel.yaml's round-trip composer, which is written in Python: it
#: took 7-14 µs a character on a page or so (about 60-110 ms for this many), and 16-33 s for a
#: megabyte.
ROUND_TRIP_MOST = 8_000


@functools.cache
def _untyped() -> type:
    """A resolver that gives every node its kind's plain tag. Positions need no tags, and ruamel's
    own resolver, which looks every scalar up by the YAML version, took half the time of composing
    a file of many small values (0.5 s of 1 s, for a megabyte)."""
    from ruamel.yaml.nodes import MappingNode, ScalarNode
    from ruamel.yaml.resolver import BaseResolver

    class Untyped(BaseResolver):
        def __init__(self, version: Any = None, loadumper: Any = None) -> None:
            super().__init__(loadumper=loadumper)

        def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
            if kind is ScalarNode:
                return self.DEFAULT_SCALAR_TAG
            return self.DEFAULT_MAPPING_TAG if kind is MappingNode else self.DEFAULT_SEQUENCE_TAG

    return Untyped
