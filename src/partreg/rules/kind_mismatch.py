DOC = """The recorded kind disagrees with what the facts say.

What it checks:
    That `kind` is the kind the `characteristics` facts, and a named
    statutory basis (`statutory: true` with `statutory_basis`), point to under
    the policy's definitions (see `partreg classify ID` for the full
    reasoning). Facts not recorded decide nothing: an entry whose facts do not
    yet decide a kind is never a mismatch. Where this rule reports an entry,
    the rules for the recorded kind (a partnership's six agreed elements, a
    contract's reference and value, ...) step back for it: what it needs
    follows from what it is.
Why it matters:
    The register must say what each arrangement really is. A contract
    recorded as a partnership escapes the checks a partnership needs; the
    policy's own example is a provider that calls a contract "partnership".
    The message names the fact that decides the kind, and the fact that would
    make it the recorded kind, where one would.

    Policy: "If it is not a partnership what is it?"
Example:
    ```yaml
    kind: partnership
    characteristics:
      council_sole_procurer: true
      provider_profit_motive: true
    ```
Instead:
    ```yaml
    kind: contract
    ```
"""

from collections.abc import Iterator

from partreg.classify import FACTS, changes_to, statute_of
from partreg.models import Arrangement, Kind
from partreg.problems import Context, Hit, Rule, Severity
from partreg.rules._base import KIND_MISMATCH, decision_of

ID = KIND_MISMATCH


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    d = ctx.once(decision_of, entry)
    if entry.kind is None or d is None or d.kind is None or d.kind is entry.kind:
        return
    statute = statute_of(entry)
    presumed = dict(d.presumed)
    recorded = [f"`{n}: {str(d.facts[FACTS.index(n)]).lower()}`" for n in d.deciding if n not in presumed]
    by_law = any(n in presumed for n in d.deciding)
    if by_law:
        because = f"its statutory basis ({statute}) settles the formal agreement, which makes"
    else:
        because = f"{' with '.join(recorded)} make{'s' if len(recorded) == 1 else ''}"
    fixes = changes_to(entry.characteristics, statute, entry.kind)
    if by_law and ("formal_agreement", False) in fixes:
        instead = (
            ", or record `formal_agreement: false` under `characteristics:` if the council takes part "
            "without being one of the bodies the law makes partners"
        )
    elif fixes:
        options = " or ".join(f"`{n}: {str(v).lower()}`" for n, v in fixes[:2])
        instead = f", or record {options} under `characteristics:` if that is so"
    else:
        instead = ", or correct the facts that decide it"
    yield Hit(
        ("kind",),
        f"recorded as {entry.kind.value}, but {because} it {ARTICLED[d.kind]} ({d.basis}): "
        f"change `kind: {d.kind.value}`{instead}; `partreg classify {ctx.review_id}` explains",
    )


#: A kind in a sentence: "makes it a contract".
ARTICLED = {
    Kind.PARTNERSHIP: "a partnership",
    Kind.CONTRACT: "a contract",
    Kind.JOINT_WORKING: "joint working",
    Kind.COMMUNITY_FUNDING: "community funding",
}


RULE = Rule(ID, Severity.ERROR, DOC or "", check)
