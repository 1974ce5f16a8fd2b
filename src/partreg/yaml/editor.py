"""A review added to an arrangement file in place: only the lines it adds (and the status and end
it changes) are written, and the result is read back to prove nothing else changed."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable
from typing import Any

from partreg.errors import WriteRefused
from partreg.models import Arrangement, PartialDate, date_or_none
from partreg.review import place_in_history
from partreg.yaml.emitting import quoted_if_read_otherwise
from partreg.yaml.library import quiet, round_trip, same_length_for_ruamel
from partreg.yaml.reading import load_fast_data


def add_review(
    text: str, record: dict[str, Any], *, status: str | None = None, end: PartialDate | None = None
) -> str:
    """``text`` with ``record`` added to ``review.history`` and nothing else changed.

    The history lists reviews oldest first, so the new one goes in its place by
    its date: right after the last line of the review before it (so that a
    comment above the next review stays with it), which for the latest review is
    the last line of the history (or of ``review``, or where ``review``
    belongs); a history in no order is added to at the end. The new lines are indented as the file
    indents and end as its lines end (LF, CRLF or CR); ``status`` and ``end``, when given,
    replace only their own lines, keeping a comment after the value. Where
    ``review`` (or its history) is written in flow style
    (``review: {months: 12}``) or is empty, only its own lines are written
    again, in block style. The result is read back and must hold exactly the
    old data plus the change: otherwise ``WriteRefused`` says why, and the
    caller writes nothing.
    """
    with quiet():
        return _cr_kept(text, lambda lf: _add_review(lf, record, status, end))


def _add_review(text: str, record: dict[str, Any], status: str | None, end: PartialDate | None) -> str:
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    positions = same_length_for_ruamel(text)
    try:
        root = round_trip().compose(positions)
    except Exception as e:
        raise WriteRefused(f"partreg cannot read the file's layout ({_first_line(e)})") from None
    if not isinstance(root, MappingNode):
        raise WriteRefused("the file is not a mapping of fields (`partreg lint` says how to fix it)")
    lines = text.split("\n")
    newline = "\r\n" if lines[0].endswith("\r") else "\n"
    lines = [line + "\n" for line in lines[:-1]] + ([lines[-1] + newline] if lines[-1] else [])
    indent = _child_indent(root)
    left = root.value[0][0].start_mark.column if root.value else 0  # the column of the file's keys
    closing = _end_of_mapping(lines)
    top = {k.value: (k, v) for k, v in root.value}
    edits: list[tuple[int, int, str]] = []  # (first line, the line after the last, what takes their place)
    place = review_place(text, record)  # the new review's place among the history's reviews
    review = top.get("review")
    if review is None:
        at = _line_of_first_key_after(root, "review")
        at = closing if at is None else at
        edits.append((at, at, _block({"review": {"history": [record]}}, indent, left)))
    else:
        node = review[1]
        if not (isinstance(node, MappingNode) or _is_null(node)):
            raise WriteRefused("`review` is not a mapping (`partreg lint` says how to fix it)")
        block = isinstance(node, MappingNode) and not node.flow_style and bool(node.value)
        history = _entry(node, "history") if block else None
        if history is not None and not (isinstance(history[1], SequenceNode) or _is_null(history[1])):
            raise WriteRefused("`review.history` is not a list (`partreg lint` says how to fix it)")
        if block and history is None:
            after = _last_line(node) + 1
            column = node.value[0][0].start_mark.column
            edits.append((after, after, _block({"history": [record]}, indent, column)))
        elif (
            history
            and isinstance(history[1], SequenceNode)
            and not history[1].flow_style
            and history[1].value
        ):
            seq = history[1]
            # after the review before it (a comment above the next stays with that one); first, on the
            # line after `history:`
            after = _last_line(seq.value[place - 1]) + 1 if place else history[0].start_mark.line + 1
            if place and after <= seq.value[place - 1].start_mark.line:  # that review ends with an alias
                raise WriteRefused(
                    "the review before the new one, in review.history, ends with an alias (`*name`), so "
                    "partreg cannot tell where it ends: add the review by hand"
                )
            if place:  # and after the comments indented under it, which are that review's
                after = _past_comments_under(lines, after, seq.start_mark.column)
            edits.append(
                (after, after, _items(record, seq.start_mark.column, seq.value[0].start_mark.column))
            )
        else:  # `review` or its `history` in flow style, or empty: those lines are written again, as blocks
            data = round_trip().load(positions)["review"]
            if history is not None:
                reviews = list(data["history"] or [])
                edits.append(_rewrite(lines, *history, [*reviews[:place], record, *reviews[place:]], indent))
            else:
                data = dict(data or {})
                reviews = list(data.get("history") or [])
                data["history"] = [*reviews[:place], record, *reviews[place:]]
                edits.append(_rewrite(lines, *review, data, indent))
    edits += _status_and_end(root, lines, status, end)
    new_text = _edited(lines, edits, newline)
    _check_edit(text, new_text, lambda history: history.insert(place, _as_read(record)), status, end)
    return new_text


def _status_and_end(
    root: Any, lines: list[str], status: str | None, end: PartialDate | None
) -> list[tuple[int, int, str]]:
    """The edits that write ``status`` and ``end`` (where given) over their own lines, or where the
    format puts them."""
    indent = _child_indent(root)
    left = root.value[0][0].start_mark.column if root.value else 0
    top = {k.value: (k, v) for k, v in root.value}
    edits = []
    for name, value in (("status", status), ("end", end.yaml_value() if end else None)):
        if value is None:
            continue
        if name in top:
            edits.append(_rewrite(lines, *top[name], value, indent))
        else:  # where the format puts it, as for `review` (which, at the same line, goes after it)
            at = _line_of_first_key_after(root, name)
            at = _end_of_mapping(lines) if at is None else at
            edits.append((at, at, _block({name: value}, indent, left)))
    return edits


def _past_comments_under(lines: list[str], at: int, column: int) -> int:
    """The line after the comments from line ``at`` on indented past ``column`` (a list's dashes): the
    item's before them, which one added after it must not take (one at the dashes' is the next's)."""
    while at < len(lines):
        line = lines[at]
        stripped = line.lstrip(" ")
        if not stripped.startswith("#") or len(line) - len(stripped) <= column:
            break
        at += 1
    return at


def _edited(lines: list[str], edits: list[tuple[int, int, str]], newline: str) -> str:
    """``lines`` with each edit (first line, the line after the last, what takes their place) made."""
    # from the end; of two at one line, the one that replaces it first (not what goes in before it)
    for first, stop, replacement in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        lines[first:stop] = [replacement.replace("\n", newline)]
    return "".join(lines)


def complete_review(
    text: str,
    index: int,
    fields: dict[str, Any],
    *,
    status: str | None = None,
    end: PartialDate | None = None,
) -> str:
    """``text`` with ``fields`` (an outcome, by whom, notes) added to the review at ``index`` of
    ``review.history``, which has its date and not these (a key written with no value, ``outcome:``,
    is given one), and nothing else changed. The new lines go under the review's last line,
    indented as its keys are; in a review written in flow style (``- {date: 2025-06}``) they go
    inside its braces. ``status`` and ``end`` as for :func:`add_review`; the result is read back
    in the same way."""
    with quiet():
        return _cr_kept(text, lambda lf: _complete_review(lf, index, fields, status, end))


def _cr_kept(text: str, edit: Callable[[str], str]) -> str:
    """``edit`` of ``text``; of a file whose lines end in a CR alone, made with LFs and given back with CRs."""
    cr = "\r" in text and "\n" not in text
    return edit(text.replace("\r", "\n")).replace("\n", "\r") if cr else edit(text)


def _complete_review(
    text: str, index: int, fields: dict[str, Any], status: str | None, end: PartialDate | None
) -> str:
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    try:
        root = round_trip().compose(same_length_for_ruamel(text))
    except Exception as e:
        raise WriteRefused(f"partreg cannot read the file's layout ({_first_line(e)})") from None
    review = _entry(root, "review") if isinstance(root, MappingNode) else None
    history = _entry(review[1], "history") if review and isinstance(review[1], MappingNode) else None
    seq = history[1] if history else None
    if not (
        isinstance(seq, SequenceNode) and index < len(seq.value) and isinstance(seq.value[index], MappingNode)
    ):
        raise WriteRefused("the review to complete is not where partreg read it: nothing was written")
    item = seq.value[index]
    lines = text.split("\n")
    newline = "\r\n" if lines[0].endswith("\r") else "\n"
    lines = [line + "\n" for line in lines[:-1]] + ([lines[-1] + newline] if lines[-1] else [])
    indent = _child_indent(root)
    edits: list[tuple[int, int, str]] = []
    empty = {k.value: (k, v) for k, v in item.value if _is_null(v)}  # `outcome:` with nothing after it
    added = {k: v for k, v in fields.items() if k not in empty}
    if not fields:  # (an exit decided, whose end and status are written now)
        pass
    elif item.flow_style:
        if empty or "\n" in "".join(map(str, fields.values())):
            raise WriteRefused(
                "the review is written in flow style ({...}): add its outcome there by hand, or write it in "
                "block style (one field a line)"
            )
        line, column = item.end_mark.line, item.end_mark.column - 1  # at its closing brace
        inside = ", ".join(_flow_pair(k, v) for k, v in added.items())
        lines[line] = lines[line][:column] + ", " + inside + lines[line][column:]
    else:
        for name in empty.keys() & fields.keys():
            edits.append(_rewrite(lines, *empty[name], fields[name], indent))
        if added:
            after = _last_line(item) + 1
            edits.append((after, after, _block(added, indent, item.value[0][0].start_mark.column)))
    edits += _status_and_end(root, lines, status, end)
    new_text = _edited(lines, edits, newline)
    _check_edit(text, new_text, lambda reviews: reviews[index].update(_as_read(fields)), status, end)
    return new_text


def _flow_pair(key: str, value: Any) -> str:
    """``key: value`` as it is written inside a flow mapping's braces."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.default_flow_style = True
    buffer = io.StringIO()
    yaml.dump({key: quoted_if_read_otherwise(value)}, buffer)
    return buffer.getvalue().strip()[1:-1].strip()


def review_place(text: str, record: dict[str, Any]) -> int:
    """Where :func:`add_review` puts ``record`` among the reviews of ``text``'s history, by its date
    (first, where there is no history yet): the reviews from there on move one place down."""
    review = load_fast_data(text).get("review")
    history = review.get("history") if isinstance(review, dict) else None
    if not isinstance(history, list):
        return 0
    held = date_or_none(record["date"])
    dates = [date_or_none(r.get("date")) if isinstance(r, dict) else None for r in history]
    return len(history) if held is None else place_in_history(dates, held)


def _end_of_mapping(lines: list[str]) -> int:
    """Where a key added at the end of the file goes: before a closing ``...`` (and what follows it)."""
    for number, line in enumerate(lines):
        if line.startswith("...") and line[3:].strip()[:1] in ("", "#"):
            return number
    return len(lines)


def _first_line(error: Exception) -> str:
    return str(error).strip().split("\n", 1)[0] or type(error).__name__


def _is_null(node: Any) -> bool:
    from ruamel.yaml.nodes import ScalarNode

    return isinstance(node, ScalarNode) and node.tag == "tag:yaml.org,2002:null"


def _rewrite(lines: list[str], key: Any, node: Any, value: Any, indent: int) -> tuple[int, int, str]:
    """The edit that writes ``key: value`` in block style over the lines ``key`` and ``node`` hold.

    A comment after the value on its last line is kept; a comment inside the
    value would be lost, so the edit is refused.
    """
    first = key.start_mark.line
    column = key.start_mark.column
    if _is_null(node) and node.value == "":  # `key:` with nothing after it
        last, tail = first, lines[first][key.end_mark.column :].split(":", 1)[1]
    else:
        last = node.end_mark.line if node.end_mark.column > 0 else node.end_mark.line - 1
        tail = lines[last][node.end_mark.column :] if node.end_mark.line == last else ""
    inside = "".join(lines[first:last])[column:] + lines[last][: len(lines[last]) - len(tail)]
    if any(m.group("comment") for m in _COMMENT.finditer(inside)):
        raise WriteRefused(
            f"line {first + 1} holds a comment inside `{key.value}` that rewriting it would lose: "
            f"write `{key.value}` in block style (one item a line), or add the review by hand"
        )
    comment, gap = tail.strip(), tail[: len(tail) - len(tail.lstrip(" \t"))]  # (the gap before it kept)
    block = _block({key.value: value}, indent, column)
    if comment:
        head, _, rest = block.partition("\n")
        block = f"{head}{gap or '  '}{comment}\n{rest}"
    return first, last + 1, block


#: A comment, or a quoted text where it starts a value (in which a `#` is no comment: "Action #3").
_COMMENT = re.compile(
    r"""(?:^|(?<=[\[{,:]))[ \t]*(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*')|(?P<comment>(?:(?<=\s)|^)#)""", re.M
)


def _block(data: dict[str, Any], indent: int, column: int = 0) -> str:
    """``data`` in block style, its keys at ``column``, nested keys ``indent`` further in, a list's dashes 2."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.indent(mapping=indent, sequence=4, offset=2)
    yaml.default_flow_style = False
    buffer = io.StringIO()
    yaml.dump(_as_blocks(data), buffer)
    return "".join(" " * column + line for line in buffer.getvalue().splitlines(keepends=True))


def _as_blocks(value: Any) -> Any:
    """``value`` with every mapping and list (as read from the file, perhaps in flow style) in block style."""
    if isinstance(value, dict):
        return {k: _as_blocks(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_blocks(v) for v in value]
    return quoted_if_read_otherwise(value)


def _entry(mapping: Any, name: str) -> tuple[Any, Any] | None:
    return next(((k, v) for k, v in mapping.value if k.value == name), None)


def _last_line(node: Any) -> int:
    """The 0-based last line holding ``node``'s content (not the comments after it)."""
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    if isinstance(node, MappingNode | SequenceNode) and not node.flow_style and node.value:
        last = node.value[-1]
        if isinstance(node, MappingNode) and _is_null(last[1]):
            # `outcome:` with nothing after it, or `outcome: ~`: on its key's line (an empty value's
            # mark is where the next token starts, which may be the next item's line)
            return int(last[0].end_mark.line)
        return _last_line(last[1] if isinstance(node, MappingNode) else last)
    end = node.end_mark
    return int(end.line if end.column > 0 else end.line - 1)


def _line_of_first_key_after(root: Any, name: str) -> int | None:
    """Where a new top-level ``name`` belongs: before the first key the format puts after it."""
    order = list(Arrangement.model_fields)
    later = set(order[order.index(name) + 1 :])
    return next((k.start_mark.line for k, _ in root.value if k.value in later), None)


def _child_indent(root: Any) -> int:
    from ruamel.yaml.nodes import MappingNode

    for k, v in root.value:
        if isinstance(v, MappingNode) and not v.flow_style and v.value:
            return int(v.value[0][0].start_mark.column - k.start_mark.column)
    return 2


def _items(record: dict[str, Any], dash: int, content: int) -> str:
    """``record`` as one block sequence item: the dash at column ``dash``, its keys at ``content``."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=content - dash, offset=0)
    buffer = io.StringIO()
    yaml.dump([_as_blocks(record)], buffer)
    return "".join(" " * dash + line for line in buffer.getvalue().splitlines(keepends=True))


def _as_read(value: Any) -> Any:
    """A value as the fast reader reads it back from a file (which leaves dates as text)."""
    if isinstance(value, dict):
        return {k: _as_read(v) for k, v in value.items()}
    return value.isoformat() if isinstance(value, dt.date) else value


def _check_edit(
    old: str, new: str, change: Callable[[list[Any]], None], status: str | None, end: PartialDate | None
) -> None:
    """The edited text must hold the old data plus exactly the change (which ``change`` makes to
    the history's reviews), or nothing is written."""
    expected = load_fast_data(old)
    review = expected.setdefault("review", {}) or {}
    expected["review"] = review
    history = review.get("history") or []
    change(history)
    review["history"] = history
    if status is not None:
        expected["status"] = status
    if end is not None:
        expected["end"] = _as_read(end.yaml_value())
    try:
        same = load_fast_data(new) == expected
    except ValueError:
        same = False
    if not same:
        raise WriteRefused(
            "the review could not be added without changing other parts of the file; nothing was written: "
            "add it by hand under review: history: (`partreg lint` checks it)"
        )
