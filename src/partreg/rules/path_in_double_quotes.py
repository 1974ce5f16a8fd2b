DOC = """A path in double quotes, read with the line breaks and tabs its backslashes make.

What it checks:
    That no text holds a drive's letter and colon followed by a line break,
    a tab or another character that a backslash makes in double quotes: in
    `"S:\\new\\tenders"`, YAML reads `\\n` as a line break and `\\t` as a tab.
Why it matters:
    The file says one thing and the register publishes another: the path is
    broken across lines, silently. In single quotes a backslash is itself.

    Format: "in single quotes, or with no quotes, a backslash is itself" (README, How partreg reads YAML)
Example:
    ```yaml
    summary: "Papers are kept at S:\\new\\tenders"
    ```
Instead:
    ```yaml
    summary: 'Papers are kept at S:\\new\\tenders'
    ```
"""

import re
from collections.abc import Iterator

from partreg.models import Arrangement
from partreg.problems import Context, Hit, Rule, Severity, dotted
from partreg.rules._base import texts

ID = "path-in-double-quotes"

#: A drive's letter and colon followed by what a backslash escape makes: a line break, a tab, another
#: control character, a non-breaking space, a line or paragraph separator.
_DRIVE_THEN_ESCAPED = re.compile(r"(?<![A-Za-z])[A-Za-z]:[\x00-\x1f\x7f\x85\xa0\u2028\u2029]")


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    if ctx.text is not None and ("\\" not in ctx.text or ":\\" not in ctx.text):
        return  # most files hold no path: the entry is not walked (a look for `\` first: a colon is common)
    for key, text in texts(entry.model_dump(exclude_none=True)):
        if _DRIVE_THEN_ESCAPED.search(text):
            yield Hit(
                key,
                f"{dotted(key)}: in double quotes a \\ starts an escape, so the path in it was read with a "
                "line break or a tab where its \\ was (S:\\new): write the text in single quotes, in which "
                "\\ is itself",
            )


RULE = Rule(ID, Severity.WARNING, DOC or "", check)
