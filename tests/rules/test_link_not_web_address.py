import pytest

from tests.common import PARTNERSHIP, check, lint_text


def links(*urls: str) -> str:
    return PARTNERSHIP + "links:\n" + "".join(f"  - {{title: Minutes, url: '{u}'}}\n" for u in urls)


def test_web_and_mail_addresses():
    check(
        links(
            "https://www.brentwood.gov.uk/csp",
            "http://example.org/minutes.pdf",
            "mailto:partnerships@brentwood.gov.uk",
        )
    )


@pytest.mark.parametrize(
    ("url", "fix"),
    [
        ("www.brentwood.gov.uk/csp", "write url: https://www.brentwood.gov.uk/csp"),
        ("brentwood.gov.uk", "write url: https://brentwood.gov.uk"),
        ("S:\\Shared\\CSP\\terms.docx", "a file on the council's network is not public"),
        ("\\\\council-fs\\share\\csp.docx", "a file on the council's network is not public"),
        ("file:///C:/csp.docx", "a file on the council's network is not public"),
        ("N/A", "give the page's address, starting https://"),
        ("minutes.pdf", "give the page's address, starting https://"),  # a file's name, not a web address
        ("https://www.brentwood.gov.uk/\u200bcsp", "it holds a character that is not shown"),
        ("javascript:alert(1)", "give the page's address, starting https://"),
    ],
)
def test_another_address_is_a_warning_with_its_fix(url, fix):
    [p] = lint_text(links(url))
    assert (p.rule, p.severity, p.key, p.line) == ("link-not-web-address", "warning", "links[0].url", 31)
    assert "is not a web address, so the published page shows it as text, not a link" in p.message
    assert fix in p.message


def test_a_decisions_address_too():
    [p] = lint_text(PARTNERSHIP + "decisions:\n  - {date: 2024-05-01, url: www.example.org/cabinet}\n")
    assert (p.rule, p.key) == ("link-not-web-address", "decisions[0].url")
