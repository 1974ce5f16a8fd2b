DOC = """The file cannot be read.

What it checks:
    That each path in the register is a regular file partreg may read: not
    a folder named `x.yaml`, not a symbolic link, not locked by permissions.
Why it matters:
    An entry that cannot be read is missing from every report; a link could
    pull in a file from outside the register.

    Format: "Only a file that cannot be read at all (syntax, not a mapping, encoding, size) is left out, and every command that leaves one out says so."
Example:
    `register/old.yaml` is a link to `/home/officer/old.yaml`.
Instead:
    Copy the file into `register/`, or fix its permissions.
"""

from partreg.rules._base import documented

ID = "unreadable-file"

RULE = documented(DOC, ID)
