DOC = """Published text that looks like a person's email address or phone number.

What it checks:
    That the fields `partreg render` publishes hold no personal email
    address (like `jo.bloggs@...`) and no phone number. Role mailboxes
    (`partnerships@`, `enquiries@`, `info@`, ...) are fine. The `internal`
    block, the fields the settings mark internal, and the lead's `email`
    and `phone` (published only if the settings say so) are not checked.
Why it matters:
    The register is published to the world; a person's contact details
    there are personal data, and the register should name roles, not people.

    Format: "a role and a service, not a person's private details"
Example:
    ```yaml
    summary: Contact jo.bloggs@brentwood.gov.uk or 07700 900123 for details.
    ```
Instead:
    ```yaml
    summary: Contact the Community Safety team for details.
    lead:
      role: Community Safety Manager
      email: jo.bloggs@brentwood.gov.uk   # not published unless the settings say so
    ```
"""

import re
from collections.abc import Iterator

from partreg.models import NAMED, Arrangement, ascii_matching, shown
from partreg.names import EMAIL_ADDRESS, contact_details
from partreg.problems import Context, Hit, Rule, Severity
from partreg.rules._base import texts

ID = "personal-data"

#: A quick first look at the whole file: nine digits apart by nothing but spaces, line breaks,
#: hyphens or brackets, which every number PHONE finds in ASCII digits has (a date has eight), folded
#: over lines or not.
# Plain character classes: Python's regex engine scans them far faster than PHONE's lookarounds. The
# possessive `*+` never gives back a run of spaces, so no run is scanned more than nine times. Written
# out rather than as `(?:[\s-]*+[0-9]){8}`, which is the same pattern and took half as long again.
DIGITS = re.compile("[0-9]" + r"[\s()-]*+[0-9]" * 8)
#: The same look for ASCII text (most files), in two passes of C rather than a search tried at every
#: character: the separators dropped and every other character made a digit or not, nine digits
#: then stand together.
_SEPARATORS = ascii_matching(re.compile(r"[\s()-]"))
_DIGIT_OR_NOT = bytes.maketrans(
    bytes(range(256)), bytes(ord("0" if chr(b) in "0123456789" else "x") for b in range(256))
)


def _nine_digits(text: str) -> bool:
    """Whether ``DIGITS.search(text)`` finds anything."""
    if text.isascii():
        return text.encode("ascii").translate(_DIGIT_OR_NOT, _SEPARATORS).find(b"0" * 9) != -1
    return DIGITS.search(text) is not None


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    if ctx.text is not None and "@" not in ctx.text and not _nine_digits(ctx.text):
        return  # most files have nothing that looks like an address or a number: skip the walk
    private = {"internal", *(ctx.settings.internal_fields if ctx.settings else ())}
    published = entry.model_dump(exclude=private, exclude_none=True)
    published.get("lead", {}).pop("email", None)
    published.get("lead", {}).pop("phone", None)
    for key, text in texts(published):
        for found, what in contact_details(text):
            if what == EMAIL_ADDRESS:
                yield Hit(
                    key,
                    f"{shown(found, NAMED)} looks like a person's email address, and this field is published: "
                    "use a role mailbox, or move it to `internal`",
                )
            else:
                yield Hit(
                    key,
                    f"{shown(found, NAMED)} looks like a phone number, and this field is published: "
                    "name the team instead, or move it to `internal`",
                )


RULE = Rule(ID, Severity.WARNING, DOC or "", check)
