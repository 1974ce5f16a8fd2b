DOC = """A `#` in a value that starts a comment, so the text is cut short there.

What it checks:
    That no text on one line, without quotes, is followed on that line by a
    space and a `#` written against a word or number (`Youth Club #2`,
    `Forum for sites #2 and #3`).
Why it matters:
    In YAML a space and a `#` start a comment, which is not part of the
    value: `title: Youth Club #2` is read as `Youth Club`, and that is what
    the register publishes, without a word said. In quotes a `#` is itself.
    A comment is usually written with a space after its `#`; one that is
    not is said here, in case it is a comment (then add the space).

    Format: "a # after a space starts a comment, unless the text is in quotes" (README, How partreg reads YAML)
Example:
    ```yaml
    title: Youth Club #2
    ```
Instead:
    ```yaml
    title: 'Youth Club #2'
    ```
"""

import re
from collections.abc import Iterator
from enum import Enum

from partreg.models import NAMED, Arrangement, shown
from partreg.problems import Context, Hit, Rule, Severity, dotted
from partreg.rules._base import texts

ID = "comment-cuts-text"

#: A space or tab, then a `#` written against what follows it: where a value may have been cut.
_SUSPECT = re.compile(r"[ \t]#[^\s#]")


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    text = ctx.text
    if text is None or not _suspect(text):
        return  # most files: no `#` against a word after a space, and the entry is not walked
    for key, value in texts(entry.model_dump(exclude_none=True)):
        if isinstance(value, Enum) or not value.strip() or "\n" in value:
            continue
        name = key[-1] if isinstance(key[-1], str) else None
        cut = _cut_after(text, value, name)
        if cut is None:
            continue
        written = cut.replace("'", "''")
        fix = f"{name}: '{written}'" if name else f"- '{written}'"
        yield Hit(
            key,
            f"{dotted(key)} is read as {shown(value, NAMED)}: a space and a # start a comment, which YAML "
            "leaves out, so the rest of the line is not part of it; if it is, put the whole value in quotes"
            + (f": {fix}" if len(cut) <= NAMED else "")
            + " (if it is a comment, write a space after the #)",
        )


def _suspect(text: str) -> bool:
    """Whether ``_SUSPECT`` is found in ``text``: by a pattern that starts with the two characters
    ` #`, which the regular-expression engine looks for as it would a word (a microsecond on a page
    of text), where ``_SUSPECT``, which starts with a choice of two, is tried at every space (ten)."""
    return _AFTER_SPACE.search(text) is not None or ("\t" in text and _SUSPECT.search(text) is not None)


_AFTER_SPACE = re.compile(r" #[^\s#]")


#: What a line holds before a value written after its key (`  - name:`), or a list's item (`  - `).
_AFTER_KEY = "^[ \t]*(?:-[ \t]+)*{key}[ \t]*:$"
_ITEM = re.compile(r"^[ \t]*(?:-[ \t]*)+$")
#: partreg's own comment (`#partreg: disable=...`), which is a comment however it is spaced.
_OWN_COMMENT = re.compile(r"#\s*partreg\b", re.IGNORECASE)


def _cut_after(text: str, value: str, name: str | None) -> str | None:
    """The line as written from ``value`` to its end, where ``value`` is written without quotes as
    the value of the key ``name`` on its line (or as a list's item, where ``name`` is ``None``) and a
    comment against a word follows it."""
    before_value = re.compile(_AFTER_KEY.format(key=re.escape(name))) if name else _ITEM
    for found in re.finditer(re.escape(value) + r"[ \t]+#[^\s#]", text):
        start = text.rfind("\n", 0, found.start()) + 1
        end = text.find("\n", found.start())
        rest = text[found.start() : end if end >= 0 else len(text)].rstrip(" \t\r")
        if before_value.match(text[start : found.start()].rstrip(" \t")) and not _OWN_COMMENT.search(rest):
            return rest
    return None


RULE = Rule(ID, Severity.WARNING, DOC or "", check)
