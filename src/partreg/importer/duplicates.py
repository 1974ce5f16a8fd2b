"""A new row that may be an arrangement the register records already under another title or id:
"Rochford Community Safety Partnership" beside "Rochford Community Safety Partnership (CSP)",
"Rochford CSP", "Community Safety Partnership" in Rochford's register, or a title spelt a letter
apart. It is written all the same (the officer knows), and said at its row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from partreg.importer.draft import Finding
from partreg.importer.headers import Column
from partreg.importer.values import quoted
from partreg.spelling import close_matches

_BRACKETED = re.compile(r"\(([^()]*)\)")


def _words(text: str) -> str:
    """A title's words as compared: lower case, no punctuation, "&" as "and", no "the", singular."""
    words = re.findall(r"[a-z0-9]+", text.lower().replace("&", " and "))
    return " ".join(
        w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words if w != "the"
    )


def forms(title: str, council: str = "") -> set[str]:
    """The ways ``title`` may be written: its words as compared (case, punctuation, plurals and
    "the" aside), without what is in brackets, with a bracketed abbreviation in place of the words
    it stands for ("Community Safety Partnership (CSP)" is also "CSP"), and without the words of
    the ``council``'s name ("Rochford")."""
    outside = _words(_BRACKETED.sub(" ", title)).split()
    found = {" ".join(outside), _words(title)}
    for said in _BRACKETED.findall(title):
        short = _words(said).replace(" ", "")
        for start in range(len(outside)):
            for end in range(start + 2, len(outside) + 1):
                if "".join(w[0] for w in outside[start:end]) == short:
                    found.add(" ".join([*outside[:start], short, *outside[end:]]))
    place = set(_words(council).split())
    found |= {" ".join(w for w in form.split() if w not in place) for form in found}
    return {form for form in found if form}


def maybe_the_same(
    rows: Iterable[tuple[int, str]], known: Iterable[tuple[str, str]], title: Column | None, council: str
) -> list[Finding]:
    """For each new row (its number and title), the arrangement of the register (``known``: each
    file and its title) it may be, said at its title's cell: one written another way
    (:func:`forms`), or spelt a letter or two apart."""
    by_form: dict[str, tuple[str, str]] = {}
    for file, name in known:
        for form in forms(name, council):
            by_form.setdefault(form, (file, name))
    options = frozenset(by_form)
    found = []
    for number, name in rows:
        mine = forms(name, council)
        match = next((by_form[form] for form in sorted(mine) if form in by_form), None)
        if match is None:
            close = close_matches(_words(name), options, 1, 0.9) if len(_words(name)) >= 12 else ()
            digits = re.findall(r"\d+", name)
            match = next((by_form[c] for c in close if re.findall(r"\d+", by_form[c][1]) == digits), None)
        if match is not None:
            file, other = match
            message = (
                f"{quoted(name)} may be the arrangement {file} records as {quoted(other)}: if it is, delete "
                "this row from the sheet before --write (or the new file after); if not, it is a new entry"
            )
            found.append(Finding(number, title, message))
    return found
