DOC = """The recorded kind disagrees with what the characteristics say.

What it checks:
    That `kind` is the kind the `characteristics` facts point to under the
    policy's definitions (see `partreg classify ID` for the full reasoning).
Why it matters:
    The register must say what each arrangement really is. A contract
    recorded as a partnership escapes the checks a partnership needs; the
    policy's own example is a provider that calls a contract "partnership".
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

from partreg.classify import decide
from partreg.lint import Context, Hit, Rule, Severity
from partreg.models import Arrangement


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    if entry.characteristics is None:
        return
    kind, basis, _ = decide(entry.characteristics, bool(entry.statutory))
    if kind is not None and entry.kind is not None and kind != entry.kind:
        yield Hit(
            ("kind",),
            f"recorded as {entry.kind.value}, but the characteristics say {kind.value} "
            f"({basis}): change `kind:` or the facts; `partreg classify {entry.id}` explains",
        )


RULE = Rule("kind-mismatch", Severity.ERROR, DOC or "", check)
