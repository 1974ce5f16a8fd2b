DOC = """The file cannot be read.

What it checks:
    That each path in the register is a regular file partreg may read: not
    a folder named `x.yaml`, not a symbolic link, not locked by permissions;
    and that no file named as an entry is in a folder inside `register/`
    (`register/archive/old.yaml`), where partreg reads none.
Why it matters:
    An entry that cannot be read is missing from every report; a link could
    pull in a file from outside the register. A file in a folder inside
    `register/` looks kept on the register, and is on no page.

    Format: "Only a file that cannot be read at all (syntax, not a mapping, encoding, size) is left out, and every command that leaves one out says so."
Example:
    `register/old.yaml` is a link to `/home/officer/old.yaml`;
    `register/archive/old-board.yaml`.
Instead:
    Copy the file into `register/`, or fix its permissions; move a file of
    a folder inside `register/` into `register/` itself, or out of it.
"""

from partreg.problems import Problem, Severity
from partreg.rules._base import documented

ID = "unreadable-file"


def in_a_folder(display: str, register: str = "register") -> Problem:
    """The problem of a file named as an entry in a folder inside the register's folder, which no
    command reads (``display``: the file as reports name it)."""
    return Problem(
        display,
        1,
        1,
        ID,
        Severity.ERROR,
        f"is in a folder inside {register}/, where partreg reads no entry: to keep it on the register, "
        f"move it into {register}/ itself; if it is no longer on the register, move it out of {register}/",
    )


RULE = documented(DOC, ID)
