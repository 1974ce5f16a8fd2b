"""The published page in a real Chromium (Debian's, driven by Playwright): accessible, usable by keyboard,
working without JavaScript, and safe with hostile content. Screenshots go to test-artifacts/."""

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from partreg.models import Settings
from partreg.render import render_site, template_dirs
from partreg.site import open_site, write_site
from partreg.store import open_register, package_templates
from tests.common import REPO
from tests.test_render import PAYLOADS, hostile

pytestmark = pytest.mark.browser
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = REPO / "test-artifacts"
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
    ARTIFACTS.mkdir(exist_ok=True)
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
    assert page.text_content("#filter-count") == "Showing 11 of 11 arrangements"

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
    assert page.is_visible("section[aria-labelledby=contract] .none-match"), (
        "says when a section has no match"
    )
    tab_to(page, "#filter-status")
    page.keyboard.press("ArrowDown")
    shot(page, "filtered")

    tab_to(page, "form.filters button[type=reset]")
    page.keyboard.press("Enter")
    from playwright.sync_api import expect  # polls without eval, which the page's CSP rightly forbids

    expect(page.locator("#filter-count")).to_have_text("Showing 11 of 11 arrangements")

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
