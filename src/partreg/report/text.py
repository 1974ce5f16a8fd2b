"""Text for people, the pieces every report shares: rich's console, escaping for its markup, a
hanging indent, a cell's text; and the one line on stderr for a user's mistake.

Colour appears only on a terminal, and never when ``NO_COLOR`` is set (rich honours both). rich
is imported only where text for people is made: a CI run's machine formats do without it.
"""

from __future__ import annotations

import re
import shutil
import sys
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from rich.console import Console

from partreg.models import visible


def console(file: TextIO | None = None, width: int | None = None) -> Console:
    """Text for people. On a terminal (or at a ``width`` given), lines are wrapped at its width at
    word boundaries, so no word, id or rule id is split; into a file or a pipe they are not wrapped."""
    from rich.console import Console

    out = Console(file=file or sys.stdout, highlight=False, width=width)
    out.soft_wrap = not (out.is_terminal or width)
    return out


def escape(text: str) -> str:
    """``text`` shown as written by rich (its ``[`` would otherwise start markup), control
    characters written out (:func:`partreg.models.visible`)."""
    from rich.markup import escape as rich_escape

    return rich_escape(visible(text))


def rich_table(**options: Any) -> Any:
    """A rich ``Table`` with ``options`` (rich is loaded only when a table is made)."""
    from rich.table import Table

    return Table(**options)


def hanging(rows: Sequence[tuple[str, ...]]) -> Any:
    """Rows whose last cell wraps under itself, at word boundaries; the cells before it never wrap."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 1))
    for _ in rows[0][:-1] if rows else ():
        grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")  # a word longer than the line (a long URL) is still shown whole
    for row in rows:
        grid.add_row(*row)
    return grid


def bullet(out: Console, text: str) -> None:
    """``  • text``, a long text wrapping under itself, not under the bullet."""
    out.print(f"  • {text}" if out.soft_wrap else hanging([("  •", text)]))


def cell(value: Any) -> str:
    """A record's value as a table, a listing or a CSV file shows it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "; ".join(cell(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # an amount of pounds as it was written: 36300, not 36300.0
    return str(value)


def error(message: str) -> None:
    """One line on stderr for a mistake the user can fix (control characters written out), wrapped
    at word boundaries on a terminal; a message of several lines (several mistakes, each on its
    own) gives each line the same start."""
    lines = visible(message).split("\n")
    sys.stderr.write(wrapped("\n".join(f"partreg: {line}" for line in lines), sys.stderr) + "\n")


def wrapped(text: str, out: TextIO) -> str:
    """``text`` wrapped at word boundaries to the width of ``out`` where it is a terminal (each line
    continued under its own indentation, under the text of a bullet); elsewhere as it is. A word
    longer than the line (a path, a command) is never cut."""
    if not out.isatty():
        return visible(text)
    width = max(shutil.get_terminal_size().columns - 1, 20)
    lines = []
    for line in visible(text).split("\n"):
        body = line.lstrip(" ")
        indent = " " * (len(line) - len(body))
        marker = re.match(r"^(?:[-•*]|\d+\.)\s+", body)
        lines.append(
            textwrap.fill(
                line,
                width,
                subsequent_indent=indent + " " * (marker.end() if marker else 0),
                break_long_words=False,
                break_on_hyphens=False,
            )
            if len(line) > width
            else line
        )
    return "\n".join(lines)
