"""The published page in a real Chromium (Debian's, driven by Playwright): accessible, usable by keyboard,
working without JavaScript, and safe with hostile content. Screenshots go to a temporary folder
(``$PARTREG_SCREENSHOTS`` to keep them somewhere else), never into the repository."""

import datetime as dt
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest

from partreg.app.register import open_register
from partreg.folders import package_templates
from partreg.models import Settings
from partreg.render import render_site
from partreg.site import open_site, write_site
from partreg.templating import template_dirs
from tests.common import REPO, run_partreg
from tests.realworld import real_world_register
from tests.test_render import PAYLOADS, hostile

pytestmark = [pytest.mark.browser, pytest.mark.spawns]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(os.environ.get("PARTREG_SCREENSHOTS") or Path(tempfile.gettempdir()) / "partreg-screenshots")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    }
}


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing in CI: .ci/run installs Debian's chromium package")
        pytest.skip("Chromium is not installed here (apt-get install chromium); CI installs it")
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def example_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    register = open_register(REPO)
    files = render_site(
        register.entries,
        register.settings,
        dt.date(2026, 11, 24),
        template_dirs(REPO, package_templates()),
        formats=("html", "markdown", "data"),
    )
    write_site(open_site(out), files)
    return out


class Watched:
    """A page with its console errors, dialogs and CSP violations recorded."""

    def __init__(self, context):
        self.page = context.new_page()
        self.errors, self.dialogs = [], []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def open(self, path):
        self.page.goto(path.as_uri())
        return self.page


def shot(page, name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def axe_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=WCAG)
    return [
        (v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]
    ]


@pytest.mark.parametrize(
    "name",
    [
        "index.html",
        "arrangements/brentwood-community-safety-partnership.html",
        "arrangements/street-cleansing-contract-biffa.html",
    ],
)
def test_axe_finds_no_violations(browser, example_site, name):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watched = Watched(context)
    page = watched.open(example_site / name)
    assert axe_violations(page) == []
    assert watched.errors == [], "no console errors, and the CSP allowed the page's own script"
    shot(page, "page-" + Path(name).stem)
    context.close()


def visible_ids(page):
    return page.eval_on_selector_all(
        "tr[data-kind]:not([hidden]) th a", "links => links.map(a => a.textContent)"
    )


def tab_to(page, selector, limit=60):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"could not reach {selector} with the Tab key")


def test_search_filter_and_sort_by_keyboard(browser, example_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watched = Watched(context)
    page = watched.open(example_site / "index.html")
    assert page.text_content("#filter-count") == "Showing all 11 arrangements"

    tab_to(page, "#filter-q")
    page.keyboard.type("leisure")
    assert page.text_content("#filter-count") == "Showing 3 of 11 arrangements"
    assert all("leisure" in t.lower() or "brentwood centre" in t.lower() for t in visible_ids(page))
    for _ in range(len("leisure")):
        page.keyboard.press("Backspace")

    tab_to(page, "#filter-kind")
    page.keyboard.press("ArrowDown")  # the first kind: partnerships
    assert page.eval_on_selector("#filter-kind", "s => s.value") == "partnership"
    assert page.text_content("#filter-count") == "Showing 3 of 11 arrangements"
    assert page.is_hidden("section[aria-labelledby=contract]"), "a section the filter empties is hidden"
    tab_to(page, "#filter-status")
    page.keyboard.press("ArrowDown")
    shot(page, "filtered")

    tab_to(page, "form.filters button[type=reset]")
    page.keyboard.press("Enter")
    from playwright.sync_api import expect  # polls without eval, which the page's CSP rightly forbids

    expect(page.locator("#filter-count")).to_have_text("Showing all 11 arrangements")

    tab_to(page, "section[aria-labelledby=contract] th button")  # the first sortable column: Name
    before = page.eval_on_selector_all(
        "section[aria-labelledby=contract] tbody th a", "a => a.map(x => x.textContent)"
    )
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # the second press sorts descending
    after = page.eval_on_selector_all(
        "section[aria-labelledby=contract] tbody th a", "a => a.map(x => x.textContent)"
    )
    assert after == sorted(before, key=str.casefold, reverse=True)
    assert (
        page.get_attribute("section[aria-labelledby=contract] thead th:first-child", "aria-sort")
        == "descending"
    )
    assert watched.errors == []
    context.close()


def test_without_javascript_every_row_and_anchor_is_there(browser, example_site):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = Watched(context).open(example_site / "index.html")
    assert page.is_hidden("#filters")
    assert len(page.query_selector_all("tr[data-kind]")) == 11
    for anchor in ("partnership", "contract", "joint-working", "community-funding", "by-priority"):
        assert page.query_selector(f"a[href='#{anchor}']") and page.query_selector(f"#{anchor}")
    shot(page, "no-javascript")
    context.close()


def test_works_at_320_pixels(browser, example_site):
    context = browser.new_context(viewport={"width": 320, "height": 800})
    page = Watched(context).open(example_site / "index.html")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    shot(page, "narrow-320")
    page = Watched(context).open(example_site / "arrangements/brentwood-community-safety-partnership.html")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


def test_hostile_content_never_runs_and_keeps_the_layout(browser, tmp_path):
    entries = [hostile(p).model_copy(update={"id": f"hostile-{i}"}) for i, p in enumerate(PAYLOADS)]
    write_site(
        open_site(tmp_path),
        render_site(
            entries,
            Settings(council="Test"),
            dt.date(2026, 11, 24),
            template_dirs(None, package_templates()),
            formats=("html",),
        ),
    )
    context = browser.new_context(viewport={"width": 1024, "height": 800})
    for name in ["index.html", *(f"arrangements/hostile-{i}.html" for i in range(len(PAYLOADS)))]:
        watched = Watched(context)
        page = watched.open(tmp_path / name)
        page.wait_for_load_state("load")
        assert watched.dialogs == [], f"{name}: a payload ran"
        assert watched.errors == [], f"{name}: {watched.errors}"
        assert page.evaluate("document.querySelectorAll('h1').length") == 1
        assert page.evaluate("document.documentElement.scrollWidth") <= 1024, (
            f"{name}: a long word broke the layout"
        )
        links = page.eval_on_selector_all("a[href]", "a => a.map(x => x.getAttribute('href'))")
        assert not [h for h in links if h.strip().lower().startswith(("javascript:", "data:"))]
        watched.page.close()
    page = Watched(context).open(tmp_path / "index.html")
    shot(page, "hostile")
    context.close()


def test_the_accessibility_check_can_fail(browser):
    """The same axe run on a page with known faults reports them, so a clean result means something."""
    context = browser.new_context()
    page = context.new_page()
    page.set_content("<html><body><img src='x.png'><a href='#'></a></body></html>")
    found = {rule for rule, _, _ in axe_violations(page)}
    assert {"image-alt", "html-has-lang", "link-name"} <= found
    context.close()


# --------------------------------------------------------------------------- a register as real ones are


@pytest.fixture(scope="module")
def real_site(tmp_path_factory):
    """The real-world register (``tests/realworld.py``) published by `partreg render`, as a council does."""
    root = real_world_register(tmp_path_factory.mktemp("real") / "register")
    result = run_partreg(root, "render", "--out", "site", "--as-of", "2026-12-06")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


PAGES = ("index.html", "arrangements/kent-community-safety-agreement.html", "accessibility.html")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_violations_on_a_real_register(browser, real_site, name, width, scheme):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    watched = Watched(context)
    page = watched.open(real_site / name)
    assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") == (scheme == "dark")
    assert axe_violations(page) == []
    assert watched.errors == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    shot(page, f"real-{Path(name).stem}-{width}-{scheme}")
    context.close()


#: Every word of the elements ``selector`` finds whose letters are laid out on more than one line:
#: split in two by the layout. A break after a hyphen or a slash is a break between words.
BROKEN_WORDS = """selector => {
  const broken = [];
  for (const element of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.textContent.matchAll(/[^\\s\\-\\/]+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set(Array.from(range.getClientRects()).filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (lines.size > 1) { broken.push(match[0]); }
      }
    }
  }
  return broken;
}"""
HEADERS = "h1, h2, h3, caption, thead th, tbody th, dt, label"


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("name", PAGES)
def test_no_word_in_a_header_is_broken(browser, real_site, name, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = Watched(context).open(real_site / name)
    checked = page.evaluate("s => document.querySelectorAll(s).length", HEADERS)
    assert checked > 5
    assert page.evaluate(BROKEN_WORDS, HEADERS) == []
    context.close()


def test_the_word_check_finds_a_broken_word(browser):
    """The layout check above reports a word split across lines, so its empty result means something."""
    context = browser.new_context(viewport={"width": 400, "height": 300})
    page = context.new_page()
    page.set_content(
        "<html lang='en'><body><table><thead><tr><th style='width:3rem;overflow-wrap:anywhere'>"
        "Contribution</th><th>Partners</th></tr></thead></table></body></html>"
    )
    assert page.evaluate(BROKEN_WORDS, "thead th") == ["Contribution"]
    context.close()


def column_keys(page, kind, column):
    """The values one column of a kind's table sorts by (``data-sort``), in the order shown."""
    return page.eval_on_selector(
        f"section[data-section={kind}] table",
        """(table, column) => {
          const at = Array.from(table.tHead.rows[0].cells).findIndex(c => c.classList.contains("col-" + column));
          return Array.from(table.tBodies[0].rows).map(r => r.cells[at].getAttribute("data-sort"));
        }""",
        column,
    )


def test_sorting_by_money_and_by_date_is_numeric(browser, real_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watched = Watched(context)
    page = watched.open(real_site / "index.html")
    header = "section[data-section=partnership] thead th.col-money button"
    page.click(header)
    money = column_keys(page, "partnership", "money")
    known = [m for m in money if m]
    assert len(known) >= 4
    assert [float(m) for m in known] == sorted(float(m) for m in known), "ascending, as numbers"
    assert known != sorted(known), "the sums are ones that text order would put wrong"
    assert money[len(known) :] == [""] * (len(money) - len(known)), "what is not recorded comes last"
    page.click(header)
    descending = column_keys(page, "partnership", "money")
    assert [float(m) for m in descending if m] == sorted((float(m) for m in known), reverse=True)
    assert descending[len(known) :] == [""] * (len(money) - len(known)), "last, whichever way"

    page.click("section[data-section=partnership] thead th.col-lead button")
    leads = page.eval_on_selector_all(
        "section[data-section=partnership] tbody td[data-label=Lead]", "c => c.map(x => x.textContent)"
    )
    assert "Not recorded" in leads and leads[-1] == "Not recorded", "not recorded last in a text column too"
    assert leads[: leads.index("Not recorded")] == sorted(leads[: leads.index("Not recorded")], key=str.lower)

    page.click("section[data-section=joint-working] thead th.col-next-review button")
    dates = [d for d in column_keys(page, "joint-working", "next-review") if d]
    assert len(dates) >= 3 and dates == sorted(dates)
    assert all(len(d) == 10 and d[4] == "-" for d in dates), "sorted by ISO dates, not by '1 March 2025'"
    assert watched.errors == []
    context.close()


def test_a_filter_by_kind_hides_the_rest_and_is_in_the_address(browser, real_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watched = Watched(context)
    page = watched.open(real_site / "index.html")
    total = len(page.query_selector_all("tr[data-kind]"))
    grants = len(page.query_selector_all("tr[data-kind=community-funding]"))
    page.select_option("#filter-kind", "community-funding")
    address = page.evaluate("location.href")
    assert address.endswith("index.html?kind=community-funding")
    for kind in ("partnership", "contract", "joint-working"):
        assert page.is_hidden(f"section[data-section={kind}]")
        assert page.is_hidden(f"nav.contents li[data-section={kind}]")
    assert page.is_visible("section[data-section=community-funding]")
    assert page.text_content("#filter-count") == f"Showing {grants} of {total} arrangements"
    assert page.text_content("tr[data-total=partnership] .shown-count").startswith("0 of ")

    page.fill("#filter-q", "warm")
    assert page.evaluate("location.search") == "?q=warm&kind=community-funding"
    caption = page.text_content("section[data-section=community-funding] caption")
    assert caption == f"Community funding arrangements (1 of {grants} shown)"

    fresh = Watched(context).open(real_site / "index.html")
    fresh.goto(page.evaluate("location.href"))
    assert fresh.eval_on_selector("#filter-kind", "s => s.value") == "community-funding"
    assert fresh.input_value("#filter-q") == "warm"
    assert fresh.is_hidden("section[data-section=partnership]")
    assert fresh.text_content("#filter-count") == f"Showing 1 of {total} arrangements"
    shot(fresh, "real-filtered")

    fresh.click("tr[data-total=contract] a")  # a kind's link in "At a glance" filters to it
    assert fresh.evaluate("location.search") == "?kind=contract"
    assert fresh.is_visible("section[data-section=contract]")
    assert fresh.is_hidden("section[data-section=community-funding]")
    fresh.go_back()  # Back returns to the view before, not out of the register
    assert fresh.evaluate("location.search") == "?q=warm&kind=community-funding"
    assert fresh.eval_on_selector("#filter-kind", "s => s.value") == "community-funding"
    assert fresh.is_hidden("section[data-section=contract]")
    assert fresh.text_content("#filter-count") == f"Showing 1 of {total} arrangements"
    assert watched.errors == []
    context.close()


def test_without_javascript_a_kind_link_still_reaches_its_section(browser, real_site):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = Watched(context).open(real_site / "index.html")
    rows = len(page.query_selector_all("tr[data-kind]"))
    page.click("tr[data-total=contract] a")
    assert page.evaluate("location.hash") == "#contract"
    assert len(page.query_selector_all("tr[data-kind]")) == rows, "every arrangement is still there"
    assert page.evaluate("document.getElementById('contract').getBoundingClientRect().top") < 50
    context.close()


def test_the_page_says_what_a_resident_looks_for(browser, real_site):
    """Overdue reviews are marked, an expired contract shows as ended with no review due, a contract's
    other party is its provider, and a long list of partners is cut short in the index."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = Watched(context).open(real_site / "index.html")
    row = "tr:has(a[href='arrangements/waste-collection-contract.html'])"
    assert "Ended 31 March 2026" in page.text_content(f"{row} td.date")
    assert page.text_content(f"{row} td:last-child") == "Not due: ended"
    assert page.text_content(f"{row} .tag") == "ended"
    assert "£4,250,000 a year" in page.text_content(row)
    assert page.text_content("section[data-section=contract] th.col-partners button") == "Provider"
    big = "tr:has(a[href='arrangements/kent-community-safety-agreement.html'])"
    assert "and 14 more" in page.text_content(big)
    assert "Cllr Alexandra Montgomery-Fotheringham" in page.text_content(big)
    assert page.text_content(f"{big} td[data-label=Statutory]") == "Yes"
    overdue = page.query_selector_all("strong.mark")
    assert overdue and all(m.text_content() == "Overdue" for m in overdue)
    shot(page, "real-index-1280")
    contract = Watched(context).open(real_site / "arrangements/waste-collection-contract.html")
    assert contract.text_content("h2#partners") == "Provider"
    assert "Extension under negotiation" not in contract.content(), "internal notes stay internal"
    context.close()


def test_printed_for_a_committee_s_papers(browser, real_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = Watched(context).open(real_site / "index.html")
    page.emulate_media(media="print")
    assert page.is_hidden("#filters") and page.is_hidden("nav.contents")
    assert page.eval_on_selector("table.register thead", "t => getComputedStyle(t).display") == (
        "table-header-group"
    ), "each table's header is repeated on every printed page"
    assert page.eval_on_selector("table.register tbody tr", "r => getComputedStyle(r).breakInside") == "avoid"
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages >= 3, "the whole register is printed, page after page"
    statement = Watched(context).open(real_site / "accessibility.html")
    statement.emulate_media(media="print")
    after = statement.eval_on_selector(
        "a[href^='https://www.w3.org']", "a => getComputedStyle(a, '::after').content"
    )
    assert "w3.org" in after, "an outside link's address is written out"
    context.close()
