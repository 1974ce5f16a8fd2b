DOC = """A field for a role that holds what looks like a person's name.

What it checks:
    That the lead's `role`, each representative's `role`, each
    review's `by` and each decision's `body` (who decided) and
    `summary` (what was decided) name a role or a body, not a person:
    a title (`Mrs`, `Cllr`), an initial (`J. Smith`) or a common given
    name followed by a surname, with no word of office (manager,
    officer, head...) in it. Names written with accents or a particle
    (`Siân Jones`, `Seán O'Brien`, `Ffion ap Dafydd`) are names too. In
    an officer's role (the lead's, a representative's, a review's `by`),
    two or three capitalised words of which none names an office, a
    service or a body (`Raj Patel`, `Wei Zhang`) read as a name, whose
    given name no list holds; `Street Scene` or `Essex Police` do not.
    A field the register never publishes is not checked: the
    representatives, the reviews or the decisions where the settings
    keep them internal (`internal_fields`).
Why it matters:
    The register is published and names roles, so it stays true when
    people change jobs and holds no one's personal data. A councillor is a
    public office holder: name them in `lead.member`. Who decided is the
    body or the office that took the decision (`Cabinet`, `Chief
    Executive (delegated)`, `Cabinet Member for Housing`), never a
    councillor's name, and what was decided says what, not who; a name
    belongs in `internal` notes.

    Format: "a role and a service, not a person's private details"
Example:
    ```yaml
    lead:
      role: Jane Smith
    decisions:
      - body: Cllr J Smith
        summary: Approved by John Smith
    ```
Instead:
    ```yaml
    lead:
      role: Community Safety Manager
    decisions:
      - body: Cabinet Member for Housing
        summary: Renewed for three years
    internal:
      notes: Decided by Cllr J Smith, Cabinet Member for Housing.
    ```
"""

from collections.abc import Iterator

from partreg.export import is_published
from partreg.models import NAMED, Arrangement, shown
from partreg.names import bare_name, looks_like_a_name
from partreg.problems import Context, Hit, Rule, Severity

ID = "role-looks-like-a-name"

#: What to record instead of a name, in a decision's fields.
_DECIDED = {
    "body": "record the body or office that decided (for example `Cabinet`, `Chief Executive (delegated)`, "
    "`Cabinet Member for Housing`)",
    "summary": "record what was decided (for example `Renewed for three years`), with the body or office "
    "that decided in `body`",
}


def _name(role: str) -> str:
    """How a role's field reads as a person's name, in words; ``""`` where it does not."""
    if looks_like_a_name(role):
        return "looks like a person's name"
    return "names no office or service, and reads as a person's name" if bare_name(role) else ""


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    if entry.lead is not None and entry.lead.role and (reads := _name(entry.lead.role)):
        yield Hit(
            ("lead", "role"),
            f"{entry.lead.role!r} {reads}, and the register is published: "
            "write the role (for example `Community Safety Manager`); a councillor goes in `member:` under `lead:`",
        )
    # (publication asked only of an entry that has the field: most have none of them)
    if entry.representatives and is_published(["representatives"], ctx.settings):
        for i, person in enumerate(entry.representatives):
            if person.role and (reads := _name(person.role)):
                yield Hit(
                    ("representatives", i, "role"),
                    f"{person.role!r} {reads}, and the register is published: write the "
                    "officer's role (for example `Head of Housing`); a councillor goes in `member`",
                )
    if entry.review is not None and entry.review.history and is_published(["review"], ctx.settings):
        for i, record in enumerate(entry.review.history):
            if record.by and (reads := _name(record.by)):
                yield Hit(
                    ("review", "history", i, "by"),
                    f"{record.by!r} {reads}, and the register is published: "
                    "write the role that reviewed it (for example `Partnerships Manager`)",
                )
    if entry.decisions and is_published(["decisions"], ctx.settings):
        for i, decision in enumerate(entry.decisions):
            for name, said in (("body", decision.body), ("summary", decision.summary)):
                if said and looks_like_a_name(said):
                    yield Hit(
                        ("decisions", i, name),
                        f"{shown(said, NAMED)} looks like a person's name, and the register is published: "
                        f"{_DECIDED[name]}, not a councillor's name: keep a name in `internal: notes:`",
                    )


RULE = Rule(ID, Severity.WARNING, DOC or "", check)
