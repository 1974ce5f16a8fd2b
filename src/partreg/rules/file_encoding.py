DOC = """The file is not UTF-8 text.

What it checks:
    That the file is text encoded as UTF-8 (a byte-order mark is allowed),
    with no NUL bytes.
Why it matters:
    Files saved as UTF-16 or in an old Windows code page show as gibberish
    on the published page, or cannot be read at all.

    Format: "Only a file that cannot be read at all (syntax, not a mapping, encoding, size) is left out, and every command that leaves one out says so."
Example:
    A file saved from a spreadsheet as "Unicode text" (UTF-16).
Instead:
    Save the file as UTF-8 ("UTF-8" in the editor's Save As dialog).
"""

from partreg.rules._base import documented

ID = "file-encoding"

RULE = documented(DOC, ID)
