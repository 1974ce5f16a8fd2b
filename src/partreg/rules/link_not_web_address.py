DOC = """A link or a decision's address that is not a web address.

What it checks:
    That each `links` item's `url`, and each decision's `url`, is a web
    address (`https://...` or `http://...`, or `mailto:`).
Why it matters:
    The published page shows any other address as plain text, not a link:
    a path on the council's network (`S:\\Shared\\...`) is no use to the
    public, and says where the council keeps its files; `www.example.org`
    without `https://` is not followed.

    Format: "The page's address (http or https)." (docs/format.md, links.url)
Example:
    ```yaml
    links:
      - title: Terms of reference
        url: S:\\Shared\\CSP\\terms.docx
    ```
Instead:
    ```yaml
    links:
      - title: Terms of reference
        url: https://www.brentwood.gov.uk/csp-terms-of-reference
    ```
"""

import re
from collections.abc import Iterator

from partreg.models import Arrangement, shown
from partreg.problems import Context, Hit, Rule, Severity, dotted
from partreg.published import safe_url

ID = "link-not-web-address"

#: An address written without its scheme: `www.example.org/page`, `brentwood.gov.uk` (a name of two
#: dots or more, or after `www.`, ending in letters that are not a document's: not `minutes.pdf`).
_BARE_DOMAIN = re.compile(
    r"(?:www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)"
    r"\.(?!(?:pdf|docx?|xlsx?|pptx?|odt|ods|txt|csv|rtf|html?|msg|zip)(?:$|/))[A-Za-z]{2,}(?:/\S*)?"
)
#: A path on a drive or a network share: `S:\...`, `\\server\...`, `file://...`.
_NETWORK_PATH = re.compile(r"(?:[A-Za-z]:[\\/]|\\\\|file:)", re.IGNORECASE)


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    places = [(("links", i, "url"), link.url) for i, link in enumerate(entry.links)]
    places += [(("decisions", i, "url"), decision.url) for i, decision in enumerate(entry.decisions)]
    for key, url in places:
        if url is None or safe_url(url) is not None:
            continue
        address = url.strip()
        if address.lower().startswith(("http://", "https://", "mailto:")):
            fix = "it holds a character that is not shown (pasted with it): write the address again"
        elif _BARE_DOMAIN.fullmatch(address):
            fix = f"write {key[-1]}: https://{address}"
        elif _NETWORK_PATH.match(address):
            fix = "a file on the council's network is not public: link to where it is published, or keep its place in `internal: {notes: ...}`"
        else:
            fix = "give the page's address, starting https://"
        yield Hit(
            key,
            f"{dotted(key)}: {shown(address)} is not a web address, so the published page shows it as text, "
            f"not a link: {fix}",
        )


RULE = Rule(ID, Severity.WARNING, DOC or "", check)
