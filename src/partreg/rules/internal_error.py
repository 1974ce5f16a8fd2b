DOC = """partreg itself failed on the file.

What it checks:
    Nothing in the file: it is how partreg reports its own failure. Whatever
    goes wrong while one file is read or checked becomes this one problem
    for that file, and every other file is still checked.
Why it matters:
    A fault in partreg must not stop a council's whole register being
    checked, and must not pass silently: the file is left out of every
    report until it is fixed.

    Format: "Bad input never produces a Python traceback: a YAML syntax error, a wrong type, a missing file, an unreadable byte is reported as `path:line:col: RULE-ID message`, and all other files are still checked."
Example:
    A value partreg's code did not expect makes a rule fail.
Instead:
    Report it to partreg's maintainers, with the file (or the part of it that
    fails) and `partreg --version`. Changing the value the message names
    usually lets the file be read meanwhile.
"""

from partreg.models import shown
from partreg.problems import Problem, Severity
from partreg.rules._base import documented

ID = "internal-error"

RULE = documented(DOC, ID)


def problem(display: str, error: BaseException) -> Problem:
    """The problem that stands for partreg failing on a file: what failed, and whom to tell."""
    return Problem(
        display,
        1,
        1,
        ID,
        Severity.ERROR,
        f"partreg failed while checking this file ({type(error).__name__}: {shown(str(error), 80)}), so it is "
        "left out: please report it to partreg's maintainers with the file and `partreg --version`",
    )
