"""The commands: each one's name, the module of this package that declares it, and its one-line
help, so that ``partreg --help`` lists them without loading any.
"""

#: name -> (module in ``partreg.cli``, the first paragraph of its help), in the order an officer
#: meets them.
COMMANDS = {
    "init": (
        "start",
        "Start a new council's register: settings, a register folder, a README for officers, "
        "pre-commit hooks, a GitHub Actions workflow, the JSON Schema, and .gitignore.",
    ),
    "import": (
        "spreadsheet",
        "Turn a spreadsheet register into register files; first a dry run showing what goes where.",
    ),
    "add": ("add", "Add an arrangement to the register: a guided questionnaire, or a draft file."),
    "list": ("browse", "List the arrangements on the register."),
    "show": (
        "browse",
        "Show one arrangement: every field that is set and may be published (--internal: all of them).",
    ),
    "classify": ("classify", "Decide what an arrangement is, by the policy's definitions, and say why."),
    "review-due": ("reviews", "What is overdue, due for review soon, or ending soon, most urgent first."),
    "review": (
        "reviews",
        "Record a review held: add it to the entry's review history, changing nothing else in the file.",
    ),
    "history": (
        "browse",
        "An arrangement's change history from git: date, author, commit subject, and the fields changed.",
    ),
    "lint": (
        "lint",
        "Check register files: every problem in every file, with where it is and how to fix it.",
    ),
    "render": (
        "render",
        "Publish the register: an accessible HTML page, one page per arrangement, a Markdown twin, "
        "and open data.",
    ),
    "export": (
        "export",
        "The statutory and open-data publications made from the register: the Transparency Code's "
        "contracts and grants, and 360Giving.",
    ),
    "rules": ("reference", "List every lint rule with its severity and what it checks."),
    "schema": (
        "reference",
        "Print the JSON Schema of an arrangement file (for editors and check-jsonschema).",
    ),
}
