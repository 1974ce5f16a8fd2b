"""Markdown that shows text as written: escaping, links, and the anchors GitHub gives headings."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

from partreg.published import clean, safe_url


class Raw(str):
    """Markdown partreg built itself (escaped parts already); passed through unescaped."""


#: Characters that change meaning anywhere in a line (emphasis, links, code, HTML, tables, entities).
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")


#: What starts a block (heading, quote, list, setext underline) when it begins the text.
_MD_BLOCK_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")


#: Text that :func:`md` leaves as it is: words of ordinary characters, one space apart, that start no
#: block and end with no ``#`` (which, after a space, would close a heading).
_MD_PLAIN = re.compile(r"(?![#>+=-]|\d+[.)])[^\s\\`*_\[\]<>|~&]+(?: [^\s\\`*_\[\]<>|~&]+)*(?<!#)")

#: What ends a heading, where a title that ends so is one (``Youth Club #``): a run of ``#`` after a space.
_MD_CLOSING = re.compile(r"(^|\s)(#+)$")


def md(value: Any) -> str:
    """Text that Markdown shows as written: one line, no HTML, nothing that starts a block."""
    if isinstance(value, Raw):
        return value
    text = clean(value)
    return text if _MD_PLAIN.fullmatch(text) else md_escape(text)


def md_escape(text: str) -> str:
    """:func:`md`'s work on any text; most text needs none of it (``_MD_PLAIN``), a test checks they agree."""
    text = " ".join(text.split())  # a newline would end a table row or start a block
    text = _MD_INLINE.sub(r"\\\1", text)
    text = _MD_CLOSING.sub(r"\1\\\2", text)
    return _MD_BLOCK_START.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], text)


def md_link(text: str, target: str) -> Raw:
    target = target if target.startswith("#") else (safe_url(target) or "")
    return Raw(f"[{md(text)}](<{quote(target, safe=_URL_SAFE)}>)" if target else md(text))


_URL_SAFE = ":/#?&=%@+,;~"


def github_slugs(headings: Iterable[str]) -> list[str]:
    """The anchors GitHub gives Markdown headings, in order (repeats get -1, -2, ...)."""
    seen: dict[str, int] = {}
    out = []
    for heading in headings:
        slug = re.sub(r"[^\w\- ]", "", heading.lower(), flags=re.UNICODE).replace(" ", "-")
        n = seen.get(slug, 0)
        seen[slug] = n + 1
        out.append(slug if n == 0 else f"{slug}-{n}")
    return out
