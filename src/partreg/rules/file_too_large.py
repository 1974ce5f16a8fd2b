DOC = """The file is larger than the size limit.

What it checks:
    That an arrangement file is under the size limit (1 MB by default).
Why it matters:
    An arrangement is a page of text; a huge file is a mistake (a pasted
    export, a binary) and would slow every run.

    Format: "Only a file that cannot be read at all (syntax, not a mapping, encoding, size) is left out, and every command that leaves one out says so."
Example:
    A 40 MB spreadsheet export saved as `register/all.yaml`.
Instead:
    Keep one arrangement per file; link to large documents under `links`.
"""

from partreg.rules._base import documented

ID = "file-too-large"

RULE = documented(DOC, ID)
