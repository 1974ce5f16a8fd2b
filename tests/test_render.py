"""Publishing without a browser: golden files, escaping, nothing internal, the CSP, stale pages."""

import base64
import csv
import datetime as dt
import hashlib
import html
import html.parser
import io
import json
import os
import re

import feedparser
import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from partreg.app.register import open_register
from partreg.folders import package_templates
from partreg.markdown import github_slugs, md, md_escape
from partreg.models import Arrangement, IndexColumn, Settings
from partreg.published import clean, safe_url
from partreg.render import render_site
from partreg.site import open_site, write_site
from partreg.templating import template_dirs
from tests.common import REPO, paths_in, run_partreg, settings_problems, value_at
from tests.realworld import real_world_register

SMALL = REPO / "tests" / "fixtures" / "small"
GOLDEN = REPO / "tests" / "golden"
AS_OF = dt.date(2026, 11, 24)


def site(entries, settings, root=None, formats=("html", "markdown", "data")):
    return dict(
        render_site(entries, settings, AS_OF, template_dirs(root, package_templates()), formats=formats)
    )


def small_site():
    register = open_register(SMALL)
    assert register.problems == []
    return site(register.entries, register.settings)


@pytest.mark.parametrize(
    "name", ["register.md", "index.html", "arrangements/town-centre-partnership.html", "register.csv"]
)
@pytest.mark.slow
def test_golden_files(name):
    """The rendered files are the reviewed ones in content and structure; UPDATE_GOLDEN=1 rewrites them
    after a deliberate change. The stylesheet, the script, their hashes and partreg's version are left
    out (``normalised``): a change of style is no change of what is published."""
    rendered = normalised(small_site()[name])
    golden = GOLDEN / name.replace("/", "__")
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_bytes(rendered.encode())
    assert rendered == golden.read_bytes().decode(), f"{name} changed: review it, then UPDATE_GOLDEN=1"


def normalised(text):
    """A page without what changes with partreg rather than with the register: its stylesheet and
    script (and the CSP's hashes of them), and the version in the generator's name."""
    text = re.sub(r"<style>.*?</style>", "<style>(the stylesheet)</style>", text, flags=re.S)
    text = re.sub(r"<script>.*?</script>", "<script>(the script)</script>", text, flags=re.S)
    text = re.sub(r"sha256-[A-Za-z0-9+/=]+", "sha256-(hash)", text)
    return re.sub(r'content="partreg [^"]+"', 'content="partreg (version)"', text)


@pytest.mark.slow
def test_golden_files_leave_out_style_script_and_version():
    page = small_site()["index.html"]
    assert "<style>" in page and "filter" in page and "sha256-" in page
    kept = normalised(page)
    assert "{" not in kept.split("<body>")[0], "no stylesheet byte is pinned"
    assert "sha256-(hash)" in kept and "partreg (version)" in kept
    assert kept.count("<tr data-kind=") == page.count("<tr data-kind="), "the content is kept"


@pytest.mark.slow
def test_every_page_and_download_is_written():
    files = small_site()
    assert set(files) == {
        "index.html",
        "accessibility.html",
        "register.md",
        "register.csv",
        "register.json",
        "arrangements/town-centre-partnership.html",
        "arrangements/street-cleansing.html",
    }


@pytest.mark.slow
def test_pages_are_self_contained_with_a_strict_csp():
    for name, text in small_site().items():
        if not name.endswith(".html"):
            continue
        csp = html.unescape(
            re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', text).group(1)
        )
        assert "default-src 'none'" in csp and "unsafe-inline" not in csp
        for tag in ("style", "script"):
            for body in re.findall(rf"<{tag}>(.*?)</{tag}>", text, re.S):
                digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
                assert f"'sha256-{digest}'" in csp, f"{name}: the inline {tag} is not allowed by the CSP"
        for known in (*STATEMENT_LINKS, "https://example.org/minutes?id=1&amp;x=2"):
            text = text.replace(f'<a href="{known}"', "<a")
        assert not re.search(r'(src|href)="(https?:)?//', text), f"{name} loads or links something external"
        assert ' style="' not in text, "inline style attributes would need 'unsafe-inline'"


#: The accessibility statement's links to the standard and to the advice service it names.
STATEMENT_LINKS = ("https://www.w3.org/TR/WCAG22/", "https://www.equalityadvisoryservice.com/")


@pytest.mark.slow
def test_links_between_pages_are_relative():
    files = small_site()
    assert 'href="arrangements/street-cleansing.html"' in files["index.html"]
    assert 'href="../index.html"' in files["arrangements/street-cleansing.html"]
    assert 'href="../register.csv"' in files["arrangements/street-cleansing.html"]


def test_open_data():
    files = small_site()
    assert files["register.csv"].startswith("\ufeff")  # so that Excel reads it as UTF-8
    rows = list(csv.DictReader(io.StringIO(files["register.csv"].removeprefix("\ufeff"))))
    assert [r["id"] for r in rows] == ["street-cleansing", "town-centre-partnership"]
    assert rows[1]["priorities"] == "Safer streets; Thriving economy"
    assert rows[0]["contract_value_gbp"] == "1200000.5"
    document = json.loads(files["register.json"])
    assert document["council"] == "Test Borough Council" and len(document["arrangements"]) == 2
    record = document["arrangements"][1]["record"]
    assert record["risks"][0]["mitigation"] == "Council funds one year"
    assert "internal" not in record


def test_open_data_says_whether_the_law_requires_an_arrangement():
    """A statutory arrangement whose Act is not named is told apart from one that is not statutory."""
    settings = Settings(council="Test Borough Council")
    base = {"title": "T", "kind": "partnership", "status": "active", "partners": [{"name": "Essex Police"}]}
    entries = [
        Arrangement.model_validate({**base, "id": "required", "statutory": True}),
        Arrangement.model_validate({**base, "id": "chosen", "statutory": False}),
        Arrangement.model_validate({**base, "id": "not-said"}),
    ]
    files = site(entries, settings, formats=("data",))
    rows = list(csv.DictReader(io.StringIO(files["register.csv"].removeprefix("\ufeff"))))
    assert {r["id"]: r["statutory"] for r in rows} == {"required": "true", "chosen": "false", "not-said": ""}
    data = {a["id"]: a["statutory"] for a in json.loads(files["register.json"])["arrangements"]}
    assert data == {"required": True, "chosen": False, "not-said": None}


def test_the_lists_by_priority_say_what_they_leave_out():
    """An entry that wrote a priority's name for its id ("Growing our economy") showed it on its page,
    while the index said no arrangement served a priority; nineteen of twenty that recorded none were
    not counted at all."""
    settings = Settings(council="Test Borough Council", priorities={"growth": "Growing our economy"})
    made = [
        {"id": "a-forum", "priorities": ["growth"]},
        {"id": "b-forum", "priorities": ["Growing our economy"]},
        {"id": "c-forum"},
        {"id": "d-forum"},
    ]
    entries = [
        Arrangement.model_validate({"title": e["id"], "kind": "joint-working", "status": "active", **e})
        for e in made
    ]
    index = site(entries, settings, formats=("html",))["index.html"]
    assert "2 arrangements do not record a corporate priority." in index
    assert (
        "1 arrangement records a priority that is not one of the council&#39;s corporate priorities, shown "
        "on its page as written." in index
    )


def test_priorities_whose_names_hold_a_comma_are_listed_so_that_each_reads_as_one():
    """A priority named "Early intervention & prevention, Environment" joined to the next by a comma
    reads as two: the page and the Markdown separate them with semicolons, the index a line each."""
    settings = Settings(
        council="Test Borough Council",
        priorities={"early": "Early intervention & prevention, Environment", "growth": "Growth"},
        publish={"columns": ["priorities"]},
    )
    entry = Arrangement.model_validate(
        {
            "id": "both",
            "title": "T",
            "kind": "joint-working",
            "status": "active",
            "priorities": ["early", "growth"],
        }
    )
    files = site([entry], settings, formats=("html", "markdown"))
    said = "Early intervention &amp; prevention, Environment; Growth"
    assert f"<dt>Corporate priorities</dt><dd>{said}</dd>" in files["arrangements/both.html"]
    assert "Early intervention &amp; prevention, Environment<br>Growth" in files["index.html"]
    assert (
        r"- Corporate priorities: Early intervention \& prevention, Environment; Growth"
        in files["register.md"]
    )


def test_an_interval_of_one_month_is_said_in_the_singular():
    """Every month, not every 1 months: the register's default, an entry's interval, a reporting route."""
    settings = Settings(council="Test Borough Council", review={"default_months": 1})
    entry = Arrangement.model_validate(
        {
            "id": "monthly",
            "title": "Monthly board",
            "kind": "partnership",
            "status": "active",
            "partners": [{"name": "Essex Police"}],
            "start": "2020-04-01",
            "review": {"months": 1},
            "reporting": {"committee": "Audit Committee", "months": 1},
        }
    )
    files = site([entry], settings, formats=("html",))
    page, index = files["arrangements/monthly.html"], files["index.html"]
    assert "Reviewed every month" in page and "every 1 month" not in page
    assert "<dd>Audit Committee, every month</dd>" in page
    assert "(or its start), 1 month unless its entry says otherwise" in index, index


# --------------------------------------------------------------------------- nothing internal leaks

SENTINEL = "SENTINEL-7f3a"


def planted():
    settings = Settings(
        council="Test", priorities={"p-one": "One"}, internal_fields=["exit_strategy", "rating"]
    )
    entry = Arrangement.model_validate(
        {
            "id": "planted",
            "title": "Planted",
            "kind": "partnership",
            "status": "active",
            "summary": "Public summary",
            "lead": {
                "role": "Manager",
                "service": "Service",
                "email": f"{SENTINEL}@example.invalid",
                "phone": f"01277 {SENTINEL}",
            },
            "priorities": ["p-one"],
            "partners": [{"name": "Partner"}],
            "start": "2024-01-01",
            "objectives": ["Public objective"],
            "added_value": "Public value",
            "risks": [{"description": f"risk {SENTINEL}", "mitigation": f"mitigation {SENTINEL}"}],
            "exit_strategy": f"exit {SENTINEL}",
            "rating": "limited",
            "significance": "high",
            "internal": {
                "notes": f"note {SENTINEL}",
                "contact": {"name": f"Jo {SENTINEL}"},
                "list": [SENTINEL],
            },
        }
    )
    return entry, settings


def test_nothing_internal_reaches_any_output():
    entry, settings = planted()
    files = site([entry], settings)
    assert len(files) == 6  # index, its page, the accessibility statement, Markdown, CSV, JSON
    for name, text in files.items():
        assert SENTINEL not in text, f"{name} publishes something internal"
    assert "Public objective" in files["arrangements/planted.html"]


@pytest.mark.slow
def test_a_rating_marked_internal_is_not_published():
    entry, settings = planted()
    for name, text in site([entry], settings).items():
        assert "Assurance rating" not in text and '"rating"' not in text, name


@pytest.mark.slow
def test_contacts_and_risks_are_published_only_when_the_settings_say_so():
    entry, settings = planted()
    open_settings = settings.model_copy(
        update={"publish": settings.publish.model_copy(update={"risks": True, "contacts": True})}
    )
    page = site([entry], open_settings)["arrangements/planted.html"]
    assert f"{SENTINEL}@example.invalid" in page and f"risk {SENTINEL}" in page
    assert f"note {SENTINEL}" not in page and f"exit {SENTINEL}" not in page


def test_internal_fields_must_name_real_fields():
    with pytest.raises(ValueError, match="did you mean 'exit_strategy'"):
        Settings(council="X", internal_fields=["exit_stratgy"])
    with pytest.raises(ValueError, match="always published"):
        Settings(council="X", internal_fields=["partners"])


# --------------------------------------------------------------------------- hostile content

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "</table><h1>broken</h1>",
    "a | b | c",
    "<!-- open comment",
    "`code` and ``` fence",
    "\u202eevil\u202c reversed",
    "# heading\n- list\n> quote",
    "x" * 500,
    "[link](javascript:alert(1))",
    "{{ 7*7 }} {% raw %}",
]
TEXT_FIELDS = ["title", "summary", "added_value"]


class Elements(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attrs = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)


def hostile(payload):
    return Arrangement.model_validate(
        {
            "id": "hostile",
            "title": f"T {payload}",
            "kind": "partnership",
            "status": "active",
            "summary": payload,
            "lead": {"role": payload, "service": payload},
            "priorities": [],
            "start": "2024-01-01",
            "partners": [{"name": payload, "role": payload}],
            "objectives": [payload],
            "added_value": payload,
            "outcomes": [{"description": payload, "measure": payload, "target": payload}],
            "review": {
                "months": 12,
                "history": [{"date": "2025-01-01", "outcome": "continue", "notes": payload}],
            },
            "links": [{"title": payload, "url": payload}, {"title": "ok", "url": "https://example.org/"}],
        }
    )


@pytest.mark.parametrize("payload", PAYLOADS, ids=range(len(PAYLOADS)))
@pytest.mark.slow
def test_html_escapes_every_payload(payload):
    files = site([hostile(payload)], Settings(council="Test"))
    reference = site([hostile("plain")], Settings(council="Test"))
    for name in ("index.html", "arrangements/hostile.html"):
        got, want = Elements(), Elements()
        got.feed(files[name])
        want.feed(reference[name])
        assert got.tags == want.tags, f"{name}: the payload changed the page's structure"
        assert not any(k.startswith("on") for k, _ in got.attrs)
        assert not any(v and v.strip().lower().startswith("javascript:") for _, v in got.attrs)
        assert "\u202e" not in files[name]


#: The bidirectional embeddings, overrides and isolates, and after them the marks (left-to-right,
#: right-to-left, Arabic letter), which a name in Arabic or Hebrew needs.
REORDERING = "".join(chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
MARKS = "\u200e\u200f\u061c"
BIDI = REORDERING + MARKS


def with_bidi(entry: Arrangement) -> tuple[Arrangement, int]:
    """``entry`` with every text it accepts ending in every bidirectional control; and how many texts."""
    data = entry.model_dump(mode="json", exclude_none=True)
    changed = 0
    for path in [p for p in paths_in(data) if isinstance(value_at(data, p), str)]:
        *parent, last = path
        holder = value_at(data, parent)
        before = holder[last]
        holder[last] = before + BIDI
        try:
            Arrangement.model_validate(data)
            changed += 1
        except ValueError:
            holder[last] = before  # a code, a date or an address: the format refuses the characters
    return Arrangement.model_validate(data), changed


@pytest.mark.slow
def test_no_output_carries_characters_that_reorder_text(register):
    """Every text a register or its settings holds, with every bidirectional control in it: no
    character that reorders text reaches any published file (the "Trojan Source" trick), and the
    marks that a name in Arabic or Hebrew needs are kept."""
    loaded = open_register(register)
    settings = loaded.settings.model_copy(
        update={
            "council": "Council" + BIDI,
            "title": "Register" + BIDI,
            "publish": loaded.settings.publish.model_copy(
                update={"introduction": "Intro" + BIDI, "risks": True, "contacts": True}
            ),
            "priorities": {k + BIDI: v + BIDI for k, v in loaded.settings.priorities.items()},
        }
    )
    entries, texts = [], 0
    for entry in loaded.entries:
        hostile_entry, changed = with_bidi(entry)
        entries.append(hostile_entry)
        texts += changed
    assert texts >= 100, "the example register's texts should take the characters"
    files = site(entries, settings, formats=("html", "markdown", "data"))
    assert len(files) == len(entries) + 5  # index.html, accessibility.html, register.md, .csv, .json
    for name, text in files.items():
        found = sorted({f"U+{ord(c):04X}" for c in text if c in REORDERING})
        assert not found, f"{name} publishes {found}"
        assert set(MARKS) <= set(text), f"{name} left out a direction mark"


def tables(markdown):
    """Each table of ``markdown``: its lines, the heading row first."""
    out, table = [], []
    for line in [*markdown.splitlines(), ""]:
        if line.startswith("| "):
            table.append(line)
        elif table:
            out.append(table)
            table = []
    return out


def columns(row):
    return len(re.findall(r"(?<!\\)\|", row)) - 1


@pytest.mark.parametrize("payload", PAYLOADS, ids=range(len(PAYLOADS)))
@pytest.mark.slow
def test_markdown_keeps_its_tables_and_shows_no_html(payload):
    text = site([hostile(payload)], Settings(council="Test"))["register.md"]
    found = tables(text)
    assert len(found) == 2, "the totals, and the table of the hostile entry's kind"
    for table in found:
        heading = columns(table[0])
        assert heading >= 3
        for row in table[1:]:
            assert columns(row) == heading, f"a table row lost or gained columns: {row}"
    assert not re.search(r"(?<!\\)<(script|img|h1|/table|!--)", text)
    assert "](javascript:" not in text.replace("\\](", "")
    assert "\u202e" not in text


MARKDOWN_ALPHABET = st.sampled_from(
    list("aZ09 .,;:()#>+=-_*`[]<>|~&\\!£é—\t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2028\u3000\u202e\u0663")
)


@hypothesis_settings(max_examples=500, derandomize=True, deadline=None)
@given(st.one_of(st.text(MARKDOWN_ALPHABET, max_size=12), st.text(max_size=12)))
@pytest.mark.slow
def test_markdown_plain_text_shortcut_agrees_with_escaping(text):
    """md() skips escaping text that needs none; on any text it gives what escaping gives."""
    assert md(text) == md_escape(clean(text))


def test_markdown_escaping():
    assert md("a | b") == "a \\| b"
    assert md("# not a heading") == "\\# not a heading"
    assert md("1. not a list") == "1\\. not a list"
    assert md("line\nbreak") == "line break"
    assert md("<b>bold</b>") == "\\<b\\>bold\\</b\\>"
    assert md("Youth Club #") == "Youth Club \\#", "a # after a space would close the heading"
    assert md("Youth Club ##") == "Youth Club \\##"
    assert md("C#") == "C#"


def test_a_title_ending_in_a_hash_is_its_whole_heading_and_anchor_in_the_markdown():
    from markdown_it import MarkdownIt

    entry = Arrangement.model_validate(
        {"id": "youth-club", "title": "Youth Club #", "kind": "joint-working", "status": "active"}
    )
    page = MarkdownIt("commonmark").render(site([entry], Settings(council="Test"))["register.md"])
    assert "<h3>Youth Club #</h3>" in page
    assert 'href="#youth-club-"' in page, "the table's link: GitHub's anchor of the whole title"


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://example.org/a?b=1", True),
        ("http://x.org", True),
        ("mailto:a@b.org", True),
        ("javascript:alert(1)", False),
        (" JavaScript:alert(1)", False),
        ("data:text/html,x", False),
        ("java\tscript:alert(1)", False),
        ("//evil.example", False),
        ("", False),
    ],
)
def test_only_web_and_mail_links(url, kept):
    assert (safe_url(url) is not None) is kept


@pytest.mark.slow
def test_spreadsheet_formulas_are_neutralised():
    entry = hostile('=HYPERLINK("https://evil.example")')
    rows = list(
        csv.DictReader(
            io.StringIO(site([entry], Settings(council="T"))["register.csv"].removeprefix("\ufeff"))
        )
    )
    assert rows[0]["summary"].startswith("'=")


def test_github_slugs():
    assert github_slugs(["Partnerships", "A & B: c", "Partnerships"]) == [
        "partnerships",
        "a--b-c",
        "partnerships-1",
    ]


# --------------------------------------------------------------------------- writing the site


@pytest.mark.slow
def test_stale_pages_are_removed_and_nothing_else(tmp_path):
    register = open_register(SMALL)
    files = site(register.entries, register.settings)
    (tmp_path / "keep-me.txt").write_text("the council's own file")
    write_site(open_site(tmp_path), files.items())
    assert (tmp_path / "arrangements" / "street-cleansing.html").exists()
    fewer = site([e for e in register.entries if e.id != "street-cleansing"], register.settings)
    write_site(open_site(tmp_path), fewer.items())
    assert not (tmp_path / "arrangements" / "street-cleansing.html").exists()
    assert (tmp_path / "keep-me.txt").read_text() == "the council's own file"


@pytest.mark.slow
def test_a_register_can_override_a_template(tmp_path):
    (tmp_path / "templates" / "markdown").mkdir(parents=True)
    (tmp_path / "templates" / "markdown" / "register.md").write_text("# {{ page.council }} only\n")
    register = open_register(SMALL)
    files = site(register.entries, register.settings, root=tmp_path)
    assert files["register.md"] == "# Test Borough Council only\n"
    assert "<!doctype html>" in files["index.html"], "templates not overridden come from partreg"


def site_files(site):
    return {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.mark.spawns
def test_a_file_that_cannot_be_read_stops_the_publication_and_the_last_site_stays(register):
    files = sorted((register / "register").glob("*.yaml"))
    run_partreg(register, "render", "--out", "site", "--as-of", "2026-11-24", check=True)
    before = site_files(register / "site")
    (register / "register" / "broken.yaml").write_text("id: broken\ntitle: [unclosed\n")
    (register / "register" / "zz-repeat.yaml").write_text(files[0].read_text())
    (files[1]).write_text(files[1].read_text().replace("title: ", "title: Changed ", 1))
    result = run_partreg(register, "render", "--out", "site", "--as-of", "2026-11-24")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert any(
        line.startswith("partreg: register/broken.yaml:2:8: is not valid YAML") and "(yaml-syntax)" in line
        for line in lines
    )
    assert any(
        re.match(
            r"partreg: register/zz-repeat.yaml:\d+:5: the id '.+' is already used by register/.+\(duplicate-id\)",
            line,
        )
        for line in lines
    )
    assert "nothing was published: site/ is as it was" in result.stderr
    assert site_files(register / "site") == before, "not one page changed, and nothing was left behind"
    assert [p.name for p in (register / "site").iterdir() if p.name.startswith(".partreg")] == [
        ".partreg-site.json"
    ]


@pytest.mark.spawns
def test_allow_incomplete_publishes_the_rest_and_says_how_many_are_left_out(register):
    files = sorted((register / "register").glob("*.yaml"))
    (register / "register" / "broken.yaml").write_text("id: broken\ntitle: [unclosed\n")
    (register / "register" / "zz-repeat.yaml").write_text(files[0].read_text())
    result = run_partreg(
        register, "render", "--out", "site", "--allow-incomplete", "--as-of", "2026-11-24", check=True
    )
    assert "2 files left out of the published register" in result.stderr
    site = register / "site"
    assert sorted(p.stem for p in (site / "arrangements").iterdir()) == [f.stem for f in files]
    index = (site / "index.html").read_text()
    assert "<strong>This register is incomplete.</strong> 2 register files could not be read" in index
    assert (
        "> **This register is incomplete.** 2 register files could not be read"
        in (site / "register.md").read_text()
    )
    assert json.loads((site / "register.json").read_text())["files_left_out"] == 2


@pytest.mark.spawns
def test_render_jobs_option_gives_the_same_site(register):
    """--jobs 2 takes the worker-pool path (11 files make one chunk; test_runner splits a large
    register across workers) and publishes exactly what one process does."""
    sites = {}
    for jobs in ("1", "2"):
        run_partreg(
            register, "render", "--out", f"site-{jobs}", "--jobs", jobs, "--as-of", "2026-11-24", check=True
        )
        out = register / f"site-{jobs}"
        sites[jobs] = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert (
        len(sites["1"]) == 11 + 6
    )  # pages, index.html, accessibility.html, register.md, .csv, .json, manifest
    assert sites["2"] == sites["1"]


@pytest.mark.spawns
def test_render_in_git_publishes_the_change_feed_and_each_page_s_changes(tmp_path):
    root = real_world_register(tmp_path / "register")
    result = run_partreg(root, "render", "--out", "site", "--as-of", "2026-12-06")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No change feed" not in result.stdout
    site = root / "site"
    feed = feedparser.parse((site / "changes.atom").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == "Partnership Register: changes \u2013 Example Borough Council"
    titles = [e.title for e in feed.entries]
    assert titles[:2] == [
        "Warm spaces grant: added",
        "Kent and Medway Community Safety Agreement Partnership: review recorded",
    ], "newest first; the `partreg review` commit is there"
    review = feed.entries[1]
    assert review.summary == "Review recorded on 30 June 2025: continue."
    assert len(feed.entries) == len(list((root / "register").glob("*.yaml"))) + 1
    for entry in feed.entries:
        assert (site / entry.link).is_file(), f"{entry.link} is a page of the site"
        assert entry.id.startswith("tag:partreg,")
    page = (site / "arrangements" / "kent-community-safety-agreement.html").read_text()
    assert (
        '<li><time datetime="2025-06-30">30 June 2025</time>: Review recorded on 30 June 2025: continue.</li>'
        in page
    )
    assert '<li><time datetime="2025-01-10">10 January 2025</time>: Added to the register.</li>' in page
    assert "<dt>Last changed</dt><dd>30 June 2025</dd>" in page
    index = (site / "index.html").read_text()
    assert '<link rel="alternate" type="application/atom+xml" href="changes.atom"' in index
    assert '<a href="changes.atom">changes.atom</a>' in index
    assert "Register Officer" not in (site / "changes.atom").read_text(), "no author is published"
    assert "Review of the community safety agreement" not in (site / "changes.atom").read_text()


@pytest.mark.spawns
def test_render_outside_git_says_the_feed_is_not_published(register):
    result = run_partreg(register, "render", "--out", "site", "--as-of", "2026-11-24", check=True)
    assert "No change feed (changes.atom): the register is not in a git repository" in result.stdout
    assert result.stderr == ""
    assert not (register / "site" / "changes.atom").exists()
    assert "changes.atom" not in (register / "site" / "index.html").read_text()
    assert (
        'id="changes"'
        not in (register / "site" / "arrangements" / "brentwood-community-fund.html").read_text()
    )


@pytest.mark.slow
def test_the_council_chooses_the_index_columns():
    register = open_register(SMALL)
    settings = register.settings.model_copy(
        update={
            "publish": register.settings.publish.model_copy(
                update={"columns": [IndexColumn.PURPOSE, IndexColumn.MONEY]}
            )
        }
    )
    files = site(register.entries, settings)
    heads = re.findall(r'<th scope="col" class="col-([a-z-]+)"', files["index.html"])
    assert heads[:3] == ["name", "purpose", "money"] and set(heads) == {"name", "purpose", "money"}
    assert "| Name | Purpose | Council contribution |" in files["register.md"]
    rows = re.findall(r"<tr data-kind=.*?</tr>", files["index.html"], re.S)
    assert rows and all(r.count("<td ") == 2 for r in rows)


@pytest.mark.slow
def test_open_data_keeps_machine_values():
    files = small_site()
    text = files["register.csv"] + files["register.json"]
    assert not re.search(r"\b\d+\.0\b", text), "whole numbers without .0"
    data = json.loads(files["register.json"])["arrangements"]
    street = next(a for a in data if a["id"] == "street-cleansing")
    assert street["contract_value_gbp"] == 1200000.5 and street["council_funding_gbp"] is None
    town = next(a for a in data if a["id"] == "town-centre-partnership")
    assert town["council_funding_gbp"] == 25000 and isinstance(town["council_funding_gbp"], int)
    assert town["start"] == "2024-04-01"


@pytest.mark.slow
def test_a_partnership_page_shows_six_elements_and_says_risks_are_not_published():
    entry, settings = planted()
    page = site([entry], settings)["arrangements/planted.html"]
    headings = re.findall(r"<h3>(.*?)</h3>", page)
    assert headings == [
        "Shared objectives",
        "Resources",
        "Measurable outcomes",
        "Added value",
        "Risks",
        "Timescales for review or life",
    ]
    assert "The council does not publish the risks of its partnerships on this register." in page


@pytest.mark.slow
@pytest.mark.parametrize("kind", [None, "contract", "joint-working", "community-funding"])
def test_what_the_council_puts_in_is_on_the_page_of_any_kind_as_on_the_index(kind):
    # an imported row: the sheet's "Annual cost" is the council's money, whatever kind is recorded
    entry = Arrangement.model_validate(
        {
            "id": "citizens-advice-grant",
            "title": "Citizens Advice grant",
            **({"kind": kind} if kind else {}),
            "resources": {"council": {"funding_gbp": 35000, "staff": "0.2 FTE"}, "partners": "Volunteers"},
        }
    )
    built = site([entry], Settings(council="Test Borough Council"))
    page, markdown = built["arrangements/citizens-advice-grant.html"], built["register.md"]
    assert "£35,000 a year" in built["index.html"]
    assert "<h2>Resources</h2>" in page
    assert "<li>The council: £35,000 a year, 0.2 FTE</li><li>The partners: Volunteers</li>" in page
    assert "- Resources: The council: £35,000 a year, 0.2 FTE; The partners: Volunteers" in markdown


def test_an_arrangement_with_no_title_is_called_untitled_not_by_its_id_alone():
    entry = Arrangement.model_validate(
        {"id": "register-untitled-b9259c"}
    )  # imported from a row with no title
    built = site([entry], Settings(council="Test Borough Council"))
    called = "Untitled arrangement (register-untitled-b9259c)"
    assert f"<h1>{called}</h1>" in built["arrangements/register-untitled-b9259c.html"]
    assert f">{called}</a>" in built["index.html"]
    assert f"### {called}" in built["register.md"]


def test_the_accessibility_statement_says_what_the_council_set_and_never_claims_more():
    register = open_register(SMALL)
    page = site(register.entries, register.settings)["accessibility.html"]
    assert "Test Borough Council has not yet stated whether this register complies" in page
    assert "fully compliant" not in page and "is committed to making" not in page
    assert "through its website or customer services" in page
    said = register.settings.model_copy(
        update={
            "publish": Settings.model_validate(
                {
                    "council": "X",
                    "publish": {
                        "accessibility": {
                            "contact": "access@example.gov.uk",
                            "status": "partially",
                            "issues": ["Some linked agreements are scanned PDFs."],
                            "prepared": "2026-09-30",
                        }
                    },
                }
            ).publish
        }
    )
    page = site(register.entries, said)["accessibility.html"]
    assert "is partially compliant with" in page
    assert "<li>Some linked agreements are scanned PDFs.</li>" in page
    assert '<a href="mailto:access@example.gov.uk">access@example.gov.uk</a>' in page
    assert "prepared or last reviewed on 30 September 2026" in page
    assert (
        '<a href="accessibility.html">Accessibility statement</a>'
        in site(register.entries, said)["index.html"]
    )


def test_a_statement_cannot_be_fully_compliant_and_list_problems():
    problems = settings_problems(
        "council: X\npublish:\n  accessibility:\n    status: fully\n    issues: [Scanned PDFs]\n"
    )
    assert [p.rule for p in problems] == ["wrong-type"]
    assert "say partially (or not), or remove the issues" in problems[0].message


@pytest.mark.slow
def test_a_grant_scheme_s_awards_are_on_its_page_and_in_the_markdown():
    entry = Arrangement.model_validate(
        {
            "id": "grants-scheme",
            "title": "Community grants scheme",
            "kind": "community-funding",
            "status": "active",
            "partners": [{"name": "Community groups"}],
            "funding": {
                "amount_gbp": 30000,
                "awards": [
                    {"recipient": "Riverside Youth Club", "amount_gbp": 1500, "award_date": "2025-05-01"},
                    {"recipient": "Food Bank", "amount_gbp": 2500.5, "purpose": "Winter food parcels"},
                ],
            },
        }
    )
    files = site([entry], Settings(council="Test"))
    page = files["arrangements/grants-scheme.html"]
    assert "<h2>Grants awarded (2)</h2>" in page
    assert "<li>Riverside Youth Club: £1,500, awarded 1 May 2025</li>" in page
    assert "<li>Food Bank: £2,500.50 — Winter food parcels</li>" in page
    assert (
        "Grants awarded (2): Riverside Youth Club: £1,500, awarded 1 May 2025; Food Bank"
        in files["register.md"]
    )


def test_at_a_glance_counts_by_status_and_totals_only_active_money():
    register = open_register(REPO)
    index = site(register.entries, register.settings)["index.html"]
    glance = index.split('<table class="totals', 1)[1].split("</table>", 1)[0]
    assert "(2 active, 1 proposed, 1 ended)" in glance, "contracts: the proposed one is not current"
    assert "(1 active, 2 ended)" in glance
    assert "£36,300 in grants (recorded for 1 of 1)" in glance
    assert "reviews are overdue.</strong>" in index


def test_amounts_too_large_for_a_float_are_published_whole_and_added_up():
    """A finite amount (the format's only bound) read as whole pounds beyond a float's range, beside
    one in pence: summed and published, where adding them had stopped render with a traceback."""
    grants = [
        Arrangement.model_validate(
            {
                "id": f"grant-{n}",
                "title": f"Grant {n}",
                "kind": "community-funding",
                "status": "active",
                "funding": {"amount_gbp": amount},
            }
        )
        for n, amount in ((1, 1.0e308), (2, 1.0e308), (3, 12.5))
    ]
    files = site(grants, Settings(council="Test"))
    # (the pence, beyond what a float of that size could say, are rounded: 12.5 to 12)
    assert f"£{int(1.0e308) * 2 + 12:,} in grants (recorded for 3 of 3)" in files["index.html"]
    assert f"£{int(1.0e308):,}" in files["arrangements/grant-1.html"]
    assert "£12.50" in files["arrangements/grant-3.html"]


def test_an_arrangement_with_no_review_and_no_start_is_counted_as_undated():
    entry = Arrangement.model_validate(
        {"id": "bare", "title": "Bare", "kind": "joint-working", "status": "active"}
    )
    files = site([entry], Settings(council="Test"))
    assert (
        "1 arrangement records neither a review nor a start, so when its review is due is not known."
        in (files["index.html"])
    )
    assert "1 arrangement records neither a review nor a start" in files["register.md"]


@pytest.mark.parametrize(
    ("lead", "page_facts", "index_cell", "markdown_lines"),
    [
        (  # as imported from a sheet with a "Service" column and no "Lead officer" column
            {"service": "Public Places"},
            "<dt>Lead officer</dt><dd>Not recorded</dd>\n<dt>Lead service</dt><dd>Public Places</dd>",
            "Lead officer not recorded<br>Service: Public Places",
            "- Lead officer: Not recorded\n- Lead service: Public Places\n",
        ),
        (
            {"service": "Public Places", "member": "Cllr A. Patel"},
            "<dt>Lead officer</dt><dd>Not recorded</dd>\n<dt>Lead service</dt><dd>Public Places</dd>\n"
            "<dt>Lead councillor</dt><dd>Cllr A. Patel</dd>",
            "Cllr A. Patel<br>Service: Public Places",
            "- Lead officer: Not recorded\n- Lead service: Public Places\n- Lead councillor: Cllr A. Patel\n",
        ),
        (
            {"member": "Cllr A. Patel"},
            "<dt>Lead officer</dt><dd>Not recorded</dd>\n<dt>Lead councillor</dt><dd>Cllr A. Patel</dd>",
            "Cllr A. Patel",
            "- Lead officer: Not recorded\n- Lead councillor: Cllr A. Patel\n",
        ),
        (
            {"role": "Parks Manager", "service": "Public Places", "member": "Cllr A. Patel"},
            "<dt>Lead officer</dt><dd>Parks Manager, Public Places</dd>\n"
            "<dt>Lead councillor</dt><dd>Cllr A. Patel</dd>",
            "Parks Manager, Public Places<br>Cllr A. Patel",
            "- Lead officer: Parks Manager, Public Places\n- Lead councillor: Cllr A. Patel\n",
        ),
    ],
    ids=["service only", "service and councillor", "councillor only", "role, service and councillor"],
)
def test_a_lead_service_is_never_shown_as_the_lead_officer(lead, page_facts, index_cell, markdown_lines):
    entry = Arrangement.model_validate(
        {"id": "parks-partnership", "title": "Parks partnership", "kind": "partnership", "lead": lead}
    )
    built = site([entry], Settings(council="Test Borough Council"))
    assert page_facts in built["arrangements/parks-partnership.html"]
    assert f'<td data-label="Lead" class="text">{index_cell}</td>' in built["index.html"]
    assert markdown_lines in built["register.md"]


def imported_without_a_type(n, **more):
    """``n`` entries as imported from a sheet with no "Type" column: no kind, and other gaps."""
    return [
        Arrangement.model_validate(
            {"id": f"imported-{i}", "title": f"Imported {i}", "status": "active", **more}
            | ({"partners": [{"name": "Essex Police"}]} if i % 2 else {})
        )
        for i in range(n)
    ]


def glance_of(index_html):
    return index_html.split('<table class="totals', 1)[1].split("</table>", 1)[0]


def test_while_some_kinds_are_not_recorded_no_kind_reads_as_none():
    """A sheet imported with no "Type" column: the index and register.md never say the council has
    no partnerships (or contracts ...), but that none is recorded as one, and why."""
    built = site(imported_without_a_type(7), Settings(council="Test Borough Council"))
    index, markdown = built["index.html"], built["register.md"]
    glance = glance_of(index)
    for plural in (
        "partnerships",
        "contracts",
        "joint working arrangements",
        "community funding arrangements",
    ):
        said = f"None recorded as {plural}; the kind of 7 arrangements is not recorded"
        assert f'{said} (<a href="#kind-not-recorded">listed below</a>)</td>' in glance
        assert f'<p class="empty">{said} (<a href="#kind-not-recorded">listed below</a>).</p>' in index
        assert f"{said} ([listed below](<#arrangements-whose-kind-is-not-recorded>))" in markdown
    assert 'data-count="0"' not in glance and "None at present" not in index + markdown
    assert "| Partnerships | 0 |" not in markdown
    assert ">7</span> (all active)" in glance and "| 7 (all active) |" in markdown
    assert "## Arrangements whose kind is not recorded" in markdown


def test_a_kind_recorded_for_some_is_counted_and_the_empty_ones_say_why():
    partnership = Arrangement.model_validate({"id": "csp", "title": "CSP", "kind": "partnership"})
    built = site([partnership, *imported_without_a_type(1)], Settings(council="Test"))
    glance = glance_of(built["index.html"])
    assert (
        '<a href="?kind=partnership#partnership">Partnerships</a></th>\n<td data-label="Arrangements">'
        in glance
    )
    assert 'data-count="1">1</span> (1 status not recorded)' in glance
    said = "None recorded as contracts; the kind of 1 arrangement is not recorded"
    assert said in glance and said in built["register.md"]


def test_when_every_kind_is_recorded_an_empty_kind_says_none_at_present():
    partnership = Arrangement.model_validate({"id": "csp", "title": "CSP", "kind": "partnership"})
    built = site([partnership], Settings(council="Test"))
    assert 'data-count="0">0</span></td>' in glance_of(built["index.html"])
    assert built["index.html"].count('<p class="empty">None at present.</p>') == 3
    assert "| Contracts | 0 | None recorded |" in built["register.md"]
    assert built["register.md"].count("None at present.") == 3
    assert "None recorded as" not in built["index.html"] + built["register.md"]


#: Entries as a spreadsheet gives them: values written the way officers write them, which the format
#: cannot read, so render sets them aside (``read_arrangement``) and publishes the rest.
WRONG_VALUES = {
    "sport-partnership": (
        "id: sport-partnership\ntitle: Sport partnership\nkind: partnership\nstatus: active\n"
        "partners: [Sport England, {name: Active Essex}]\n"
    ),
    "leisure-grant": "id: leisure-grant\ntitle: Leisure grant\nkind: community-funding\nstatus: Active\n",
    "youth-fund": (
        "id: youth-fund\ntitle: Youth fund\nkind: community-funding\nstatus: active\n"
        "resources: {council: {funding_gbp: '£5,000'}}\n"
    ),
    "town-team": "id: town-team\ntitle: Town team\nkind: joint-working\nstatus: active\n",  # nothing wrong
    "no-id-given": "title: No id given\nkind: joint-working\nstatus: active\n",  # its id from its name
}


def register_with_wrong_values(root):
    (root / "register").mkdir(parents=True)
    (root / "partreg.yaml").write_text("council: Test Borough Council\n")
    for name, text in WRONG_VALUES.items():
        (root / "register" / f"{name}.yaml").write_text(text)
    return root


def test_render_counts_the_arrangements_published_with_values_set_aside(tmp_path):
    from partreg.folders import register_files
    from partreg.render import publication
    from partreg.rendering import discard, render_files

    root = register_with_wrong_values(tmp_path / "council")
    pub = publication(
        Settings(council="Test Borough Council"), AS_OF, template_dirs(root, package_templates())
    )
    rendered = render_files(register_files(root), root, pub, tmp_path / "site")
    discard(rendered)
    assert sorted(p.row.id for p in rendered.parts) == sorted(WRONG_VALUES), "every one is published"
    assert rendered.set_aside == [
        "register/leisure-grant.yaml",
        "register/sport-partnership.yaml",
        "register/youth-fund.yaml",
    ], "in file order; a missing id (taken from the file's name) is not a value set aside"


@pytest.mark.spawns
def test_render_says_which_arrangements_were_published_with_values_set_aside(tmp_path):
    root = register_with_wrong_values(tmp_path / "council")
    result = run_partreg(root, "render", "--out", "site", "--as-of", "2026-11-24")
    assert result.returncode == 0, "published, as every entry that can be read is"
    said = [line for line in result.stderr.splitlines() if "set aside" in line]
    assert said == [
        "partreg: 3 arrangements were published with values set aside as wrong, so not shown: "
        "register/leisure-grant.yaml, register/sport-partnership.yaml, register/youth-fund.yaml; "
        "run `partreg lint` to see each value and how to write it"
    ]
    page = (root / "site" / "arrangements" / "sport-partnership.html").read_text()
    assert "Active Essex" in page and "Sport England" not in page
    for i in range(4):
        wrong = WRONG_VALUES["leisure-grant"].replace("leisure", f"extra-{i}")
        (root / "register" / f"extra-{i}-grant.yaml").write_text(wrong)
    result = run_partreg(root, "render", "--out", "site", "--as-of", "2026-11-24", check=True)
    assert (
        "partreg: 7 arrangements were published with values set aside as wrong, so not shown: "
        "register/extra-0-grant.yaml, register/extra-1-grant.yaml, register/extra-2-grant.yaml and 4 more; "
        "run `partreg lint` to see each value and how to write it\n"
    ) in result.stderr


def test_the_line_about_values_set_aside_says_one_arrangement_as_one():
    from partreg.cli.render import set_aside_line

    assert set_aside_line(["register/leisure-grant.yaml"]) == (
        "1 arrangement was published with values set aside as wrong, so not shown: "
        "register/leisure-grant.yaml; run `partreg lint` to see each value and how to write it"
    )


def test_markdown_has_no_run_of_blank_lines_where_a_summary_is_not_recorded():
    """An entry with gaps, as imported: its section had three blank lines under its heading."""
    gappy = Arrangement.model_validate(
        {"id": "old-forum", "title": "Old Forum", "kind": "partnership", "status": "active"}
    )
    text = site([gappy], Settings(council="Test"))["register.md"]
    assert "### Old Forum\n\n- Kind: Partnership\n" in text, text
    assert "\n\n\n" not in text


def test_an_exit_decided_is_not_counted_as_having_no_review_date():
    """The page said "3 arrangements record neither a review nor a start" of one that records
    neither and two whose exit a review decided."""
    base = {"kind": "partnership", "status": "active", "start": "2015-04"}
    exits = [
        Arrangement.model_validate(
            {
                **base,
                "id": f"exit-{n}",
                "title": f"Exit {n}",
                "review": {"history": [{"date": "2025-01-15", "outcome": "exit"}]},
            }
        )
        for n in (1, 2)
    ]
    undated = Arrangement.model_validate(
        {"id": "undated", "title": "Undated", "kind": "partnership", "status": "active"}
    )
    files = site([*exits, undated], Settings(council="Test"))
    said = "1 arrangement records neither a review nor a start"
    assert said in files["register.md"] and said in " ".join(files["index.html"].split())
    assert files["register.md"].count("Not due: exit decided") == 4  # each in its row and its section


def test_a_start_is_said_as_started_to_start_or_was_to_start_and_an_end_not_recorded_as_that():
    """A proposal starting next year was published as "Started 1 April 2027"; one recorded as proposed
    whose start passed years ago, as "Started" (lint asks which is out of date); an ended one with
    no end, as a dangling "Ended"."""
    base = {"kind": "joint-working", "lead": {"role": "Policy Officer"}, "partners": [{"name": "Essex"}]}
    entries = [
        Arrangement.model_validate(
            {**base, "id": "later", "title": "Later", "status": "proposed", "start": "2027-04-01"}
        ),
        Arrangement.model_validate(
            {**base, "id": "stale", "title": "Stale", "status": "proposed", "start": "2018-01-01"}
        ),
        Arrangement.model_validate(
            {**base, "id": "gone", "title": "Gone", "status": "ended", "start": "2015"}
        ),
        Arrangement.model_validate(
            {**base, "id": "going", "title": "Going", "status": "active", "start": "2020-05-01"}
        ),
        Arrangement.model_validate(
            {**base, "id": "now", "title": "Now", "status": "proposed", "start": "2026-11"}
        ),
    ]
    files = site(entries, Settings(council="Test"))
    md = files["register.md"]
    assert "Starts 1 April 2027" in md and "- Starts: 1 April 2027" in md
    assert "Was to start 1 January 2018" in md and "- Was to start: 1 January 2018" in md
    assert "Started 2015; Ended, date not recorded" in md
    assert "Started 1 May 2020" in md and "- Started: 1 May 2020" in md
    assert "- Starts: November 2026" in md, (
        "proposed, in its month of start (AS_OF): not late yet, as lint says"
    )
    assert "<dt>Starts</dt><dd>1 April 2027</dd>" in files["arrangements/later.html"]


def test_the_next_review_is_published_as_precisely_as_what_it_is_counted_from():
    """A start of "2017" was published as a next review of "1 January 2018" (and so in the open data
    and the Transparency Code's contracts): a day the council never recorded."""
    from partreg.opendata import transparency_contracts

    base = {
        "kind": "contract",
        "status": "active",
        "lead": {"role": "Parks Manager"},
        "partners": [{"name": "Idverde"}],
    }
    entries = [
        Arrangement.model_validate({**base, "id": "year", "title": "Year", "start": "2017"}),
        Arrangement.model_validate({**base, "id": "month", "title": "Month", "start": "2025-04"}),
        Arrangement.model_validate({**base, "id": "day", "title": "Day", "start": "2026-01-15"}),
        Arrangement.model_validate(
            {**base, "id": "half", "title": "Half", "start": "2017", "review": {"months": 6}}
        ),
    ]
    files = site(entries, Settings(council="Test"))
    md = files["register.md"]
    assert "| 2018 (Overdue) |" in md and "| April 2026 (Overdue) |" in md and "| 15 January 2027 |" in md
    assert "| July 2017 to June 2018 (Overdue) |" in md, (
        "six months on from some day of 2017: the months it spans"
    )
    assert "1 January 2018" not in md
    data = {
        r["id"]: r["next_review"] for r in csv.DictReader(io.StringIO(files["register.csv"].lstrip("\ufeff")))
    }
    assert data == {"year": "2018", "month": "2026-04", "day": "2027-01-15", "half": "2017-07/2018-06"}
    code = transparency_contracts(entries, Settings(council="Test"), today=dt.date(2026, 1, 1))
    assert {r["Title of Agreement"]: r["Review Date"] for r in code.rows}["Year"] == "2018"


@pytest.mark.spawns
def test_of_a_file_named_by_an_id_and_one_that_is_not_the_one_named_by_it_is_published(tmp_path):
    """`CSP.yaml` (read first: capitals sort first) beside `csp.yaml`: the site published the copy as
    csp.html and left the right file out, saying its id was already used."""
    from partreg.app.publishing import publish_site

    (tmp_path / "register").mkdir()
    (tmp_path / "partreg.yaml").write_text("council: Test\n")
    entry = "id: {id}\ntitle: {title}\nkind: joint-working\nstatus: active\nsummary: A forum.\nlead: {{role: Officer}}\npartners: [{{name: Essex}}]\nstart: 2026-06-01\n"
    (tmp_path / "register" / "CSP.yaml").write_text(entry.format(id="CSP", title="Bad copy"))
    (tmp_path / "register" / "csp.yaml").write_text(entry.format(id="csp", title="Good one"))
    for jobs in (1, 2):
        publish_site(tmp_path, tmp_path / "site", AS_OF, allow_incomplete=True, jobs=jobs)
        page = (tmp_path / "site" / "arrangements" / "csp.html").read_text()
        assert "Good one" in page and "Bad copy" not in page, jobs


def test_a_next_review_known_to_the_year_is_due_now_within_that_year_not_overdue():
    """A start in 2025, reviewed every 12 months: due in 2026, which has not ended (AS_OF is in
    November): the page said "2026 (Overdue)" and counted it, from 1 January."""
    base = {
        "kind": "contract",
        "status": "active",
        "lead": {"role": "Parks Manager"},
        "partners": [{"name": "Idverde"}],
    }
    files = site(
        [Arrangement.model_validate({**base, "id": "year", "title": "Year", "start": "2025"})],
        Settings(council="Test"),
    )
    md = files["register.md"]
    assert "| 2026 (Due now) |" in md and "- Next review: 2026 (due now)" in md
    assert "overdue" not in md.lower()


def test_statutory_is_published_as_the_file_says_it_a_law_named_beside_no_being_what_it_is_made_under():
    """`statutory: false` with `statutory_basis: Local Government Act 1972 s.101` (a sheet's "N" and
    its "Legal basis") was published as "Yes: Local Government Act 1972 s.101", and `N/A` as "Yes: N/A"."""
    from partreg.columns import statutory

    def said(**fields):
        return statutory(Arrangement.model_validate({"id": "board-x", **fields}))

    act = "Local Government Act 1972 s.101"
    assert said(statutory=False, statutory_basis=act) == f"No (made under {act})"
    assert said(statutory=False, statutory_basis="N/A") == "No"
    assert (
        said(statutory=True, statutory_basis="Crime and Disorder Act 1998")
        == "Yes: Crime and Disorder Act 1998"
    )
    assert said(statutory=True, statutory_basis="TBC") == "Yes"
    assert said(statutory_basis=act) == f"Not recorded (made under {act})"
    assert said() == "Not recorded" and said(statutory=False) == "No"
    for none in ("Non-statutory", "None", "No statutory basis", "-"):
        assert said(statutory=False, statutory_basis=none) == "No", none


def test_a_proposal_with_no_review_is_not_due_one_from_its_planned_start():
    """`status: proposed`, `start: 2019`: published as "2020 (Overdue)" and counted among the
    overdue, and listed as overdue by review-due, for an arrangement that has not begun (lint asks
    whether it has: status-contradicted)."""
    from partreg.models import ReviewSettings
    from partreg.review import due

    base = {"kind": "partnership", "lead": {"role": "Growth Manager"}, "partners": [{"name": "Thurrock"}]}
    board = Arrangement.model_validate(
        {**base, "id": "board", "title": "Board", "status": "proposed", "start": "2019"}
    )
    md = site([board], Settings(council="Test"))["register.md"]
    assert "Not due: proposed" in md and "overdue" not in md.lower()
    assert due([board], ReviewSettings(), AS_OF, 60) == []
    reviewed = Arrangement.model_validate(
        {
            **base,
            "id": "board",
            "title": "Board",
            "status": "proposed",
            "start": "2019",
            "review": {"history": [{"date": "2025-01-10", "outcome": "continue"}]},
        }
    )
    [item] = due([reviewed], ReviewSettings(), AS_OF, 60)
    assert item.state.value == "overdue", "a proposal that is reviewed (a procurement) is due from its review"


def test_an_arrangement_recorded_as_ended_before_its_recorded_end_is_not_said_to_have_ended_then():
    """Status ended, end in 2030: the index and the page had said "Ended 31 March 2030", a day
    still to come; and "Starts" for one that ended before it began."""
    entries = [
        Arrangement.model_validate(
            {
                "id": "youth-forum",
                "title": "Youth Forum",
                "kind": "joint-working",
                "status": "ended",
                "start": "2016-04-01",
                "end": "2030-03-31",
            }
        ),
        Arrangement.model_validate(
            {
                "id": "new-forum",
                "title": "New Forum",
                "kind": "joint-working",
                "status": "ended",
                "start": "2030",
            }
        ),
    ]
    files = site(entries, Settings(council="Test"))
    assert "Ended before its recorded end, 31 March 2030" in files["index.html"]
    assert "Ended 31 March 2030" not in files["index.html"] + files["register.md"]
    assert (
        "<dt>Ended</dt><dd>before its recorded end, 31 March 2030</dd>"
        in files["arrangements/youth-forum.html"]
    )
    assert "<dt>Was to start</dt><dd>2030</dd>" in files["arrangements/new-forum.html"]


def test_a_proposal_with_no_start_and_an_ended_arrangement_with_no_end_are_said_so_on_their_pages():
    proposed = Arrangement.model_validate({"id": "planned", "kind": "contract", "status": "proposed"})
    ended = Arrangement.model_validate({"id": "gone", "kind": "contract", "status": "ended"})
    files = site([proposed, ended], Settings(council="Test"))
    assert "<dt>Starts</dt><dd>Not recorded</dd>" in files["arrangements/planned.html"], "not 'Started'"
    assert "<dt>Ended</dt><dd>Date not recorded</dd>" in files["arrangements/gone.html"], (
        "the index says so too"
    )
    assert "Ended, date not recorded" in files["index.html"]
