"""The public change history and its Atom feed, from real git repositories: what each commit changed
in public terms, that nothing internal reaches it, and that the feed is valid Atom."""

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest

from partreg.app.publishing import public_changes
from partreg.changes import PublicChange, atom_feed
from partreg.models import Settings
from tests.common import REPO

SMALL = REPO / "tests" / "fixtures" / "small"
TOWN = "town-centre-partnership"
STREETS = "street-cleansing"
ATOM = "{http://www.w3.org/2005/Atom}"
FIRST_DAY = "2026-01-05T09:00:00+00:00"
#: The settings of the small register (it publishes risks).
SETTINGS = Settings(council="Test Borough Council", publish={"risks": True})


GIT_OPTIONS = ("-c", "user.email=owner@example.invalid", "-c", "commit.gpgsign=false")


class Repo:
    """A register in a real git repository: edit its files, commit them on a given date."""

    def __init__(self, top: Path, root: Path):
        self.top, self.root = top, root

    def git(self, *args: str, when: str = FIRST_DAY, author: str = "Register Owner") -> str:
        result = subprocess.run(
            ["git", "-c", f"user.name={author}", *GIT_OPTIONS, *args],
            cwd=self.top,
            check=True,
            capture_output=True,
            text=True,
            env={**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when},
        )
        return result.stdout.strip()

    def file(self, file_id: str) -> Path:
        return self.root / "register" / f"{file_id}.yaml"

    def edit(self, file_id: str, old: str, new: str) -> None:
        text = self.file(file_id).read_text()
        assert old in text, f"{old!r} is not in {file_id}"
        self.file(file_id).write_text(text.replace(old, new, 1))

    def commit(self, when: str, message: str = "Update the register", author: str = "Register Owner") -> str:
        """Commit everything; the new commit's full id."""
        self.git("add", "-A")
        self.git("commit", "-qm", message, when=when, author=author)
        return self.git("rev-parse", "HEAD")


@pytest.fixture
def repo(tmp_path):
    """The small register, committed on FIRST_DAY."""
    shutil.copytree(SMALL, tmp_path / "reg")
    r = Repo(tmp_path / "reg", tmp_path / "reg")
    r.git("init", "-q")
    r.commit(FIRST_DAY, "Add the register")
    return r


def changes(repo, settings=SETTINGS):
    return public_changes(repo.root, settings)


def latest(repo, file_id, settings=SETTINGS):
    return changes(repo, settings)[file_id][0]


# --------------------------------------------------------------------------- what each commit did


@pytest.mark.spawns
def test_each_file_committed_is_added(repo):
    found = changes(repo)
    head = repo.git("rev-parse", "HEAD")

    assert sorted(found) == [STREETS, TOWN]
    assert found[TOWN] == [
        PublicChange(
            id=TOWN,
            commit=head,
            date=FIRST_DAY,
            day="2026-01-05",
            what="added",
            summary="Added to the register.",
            title="Town Centre Partnership",
        )
    ]
    assert found[STREETS][0].title == "Street cleansing contract"


@pytest.mark.spawns
def test_public_fields_changed_are_named_in_plain_words(repo):
    repo.edit(STREETS, "end: 2027-03-31", "end: 2030-03-31")
    repo.edit(STREETS, "name: BIFFA", "name: Veolia")
    repo.edit(STREETS, 'summary: "# Not a heading', 'summary: "Now')
    repo.edit(STREETS, "kind: contract\n", "kind: contract\nadded_value: Cleaner streets.\n")
    sha = repo.commit("2026-02-01T10:00:00+00:00")

    change = latest(repo, STREETS)
    assert (change.commit, change.what, change.day) == (sha, "amended", "2026-02-01")
    assert change.summary == "Amended: summary, partners, added value, end date."
    assert change.title == "Street cleansing contract"


@pytest.mark.spawns
def test_a_new_title_is_the_change_title(repo):
    repo.edit(TOWN, "title: Town Centre Partnership", "title: Brentwood Town Centre Partnership")
    repo.commit("2026-02-01T10:00:00+00:00")

    change = latest(repo, TOWN)
    assert (change.what, change.summary) == ("amended", "Amended: title.")
    assert change.title == "Brentwood Town Centre Partnership"


@pytest.mark.spawns
def test_a_review_added_is_a_review_recorded_with_its_outcome_in_words(repo):
    repo.edit(
        TOWN,
        "links:",
        "    - {date: 2026-03-01, outcome: proposed-for-removal, by: Town Centre Manager}\nlinks:",
    )
    repo.commit("2026-03-02T10:00:00+00:00")

    change = latest(repo, TOWN)
    assert change.what == "reviewed"
    assert change.summary == "Review recorded on 1 March 2026: proposed for removal from the register."


@pytest.mark.spawns
def test_a_review_known_to_the_month_is_recorded_in_it(repo):
    """ "Review recorded on January 2025" had been said of a review known to the month."""
    repo.edit(TOWN, "links:", "    - {date: 2026-03, outcome: continue}\nlinks:")
    repo.commit("2026-03-02T10:00:00+00:00")
    assert latest(repo, TOWN).summary == "Review recorded in March 2026: continue."


@pytest.mark.spawns
def test_a_review_with_other_changes_says_what_else_changed(repo):
    repo.edit(TOWN, "links:", "    - {date: 2026-03-01, outcome: amend}\nlinks:")
    repo.edit(TOWN, "objectives: [A safer", "objectives: [A cleaner and safer")
    repo.commit("2026-03-02T10:00:00+00:00")

    assert latest(repo, TOWN).summary == "Review recorded on 1 March 2026: amend. Also amended: objectives."


@pytest.mark.spawns
def test_a_review_corrected_is_an_amendment(repo):
    repo.edit(TOWN, "outcome: continue", "outcome: amend")
    repo.commit("2026-03-02T10:00:00+00:00")

    assert (latest(repo, TOWN).what, latest(repo, TOWN).summary) == ("amended", "Amended: reviews.")


@pytest.mark.spawns
def test_status_ended_is_ended(repo):
    repo.edit(TOWN, "status: active", "status: ended")
    repo.commit("2026-04-01T10:00:00+01:00")

    change = latest(repo, TOWN)
    assert (change.what, change.summary, change.date) == ("ended", "Ended.", "2026-04-01T10:00:00+01:00")


@pytest.mark.parametrize(
    ("end", "what", "summary"),
    [
        ("2026-04-01", "ended", "Ended."),  # on the commit's day
        ("2026-03", "ended", "Ended."),
        ("2026-04-02", "amended", "Amended: end date."),  # a day to come
        ("2026-04", "amended", "Amended: end date."),  # the month is not over
    ],
)
@pytest.mark.spawns
def test_an_end_date_on_or_before_the_commit_day_is_ended(repo, end, what, summary):
    repo.edit(STREETS, "end: 2027-03-31", f"end: {end}")
    repo.commit("2026-04-01T10:00:00+01:00")

    assert (latest(repo, STREETS).what, latest(repo, STREETS).summary) == (what, summary)


@pytest.mark.spawns
def test_a_deleted_file_is_removed_under_its_last_title(repo):
    repo.file(STREETS).unlink()
    sha = repo.commit("2026-05-01T10:00:00+01:00")

    change = latest(repo, STREETS)
    assert (change.commit, change.what, change.summary) == (sha, "removed", "Removed from the register.")
    assert change.title == "Street cleansing contract"


@pytest.mark.spawns
def test_a_renamed_file_is_the_old_id_removed_and_the_new_one_added(repo):
    repo.git("mv", f"register/{STREETS}.yaml", "register/street-cleaning.yaml")
    repo.edit("street-cleaning", f"id: {STREETS}", "id: street-cleaning")
    repo.commit("2026-05-01T10:00:00+01:00")

    found = changes(repo)
    assert [c.what for c in found[STREETS]] == ["removed", "added"]
    assert [c.what for c in found["street-cleaning"]] == ["added"]


@pytest.mark.spawns
def test_yml_renamed_to_yaml_is_no_change(repo):
    repo.git("mv", f"register/{STREETS}.yaml", f"register/{STREETS}.yml")
    repo.commit("2026-05-01T10:00:00+01:00")

    assert [c.what for c in changes(repo)[STREETS]] == ["added"]


@pytest.mark.spawns
def test_one_commit_changing_two_arrangements_is_a_change_to_each(repo):
    repo.edit(TOWN, "A safer town centre", "A safer, busier town centre")
    repo.edit(STREETS, "service: Environment", "service: Environment and Housing")
    sha = repo.commit("2026-02-01T10:00:00+00:00")

    found = changes(repo)
    assert (found[TOWN][0].commit, found[TOWN][0].summary) == (sha, "Amended: objectives.")
    assert (found[STREETS][0].commit, found[STREETS][0].summary) == (sha, "Amended: lead.")


@pytest.mark.spawns
def test_a_merge_adds_no_change_of_its_own(repo):
    repo.git("checkout", "-qb", "proposal")
    repo.edit(TOWN, "A safer town centre", "A safer, busier town centre")
    proposed = repo.commit("2026-02-01T10:00:00+00:00")
    repo.git("checkout", "-q", "-")
    repo.edit(STREETS, "value_gbp: 1200000.5", "value_gbp: 1300000")
    repo.commit("2026-02-02T10:00:00+00:00")
    repo.git(
        "merge", "-q", "--no-ff", "-m", "Merge the proposal", "proposal", when="2026-02-03T10:00:00+00:00"
    )

    found = changes(repo)
    assert [c.commit for c in found[TOWN]][:1] == [proposed]
    assert [c.what for c in found[TOWN]] == ["amended", "added"]
    ids = [e.id for e in feedparser.parse(feed(found)).entries]
    assert len(ids) == len(set(ids)) == 4


@pytest.mark.spawns
def test_changes_are_newest_first_by_the_moment_not_the_clock_face(repo):
    repo.edit(STREETS, "value_gbp: 1200000.5", "value_gbp: 1300000")
    summer = repo.commit("2026-06-01T10:30:00+01:00")  # 09:30 UTC
    repo.edit(STREETS, "value_gbp: 1300000", "value_gbp: 1400000")
    later = repo.commit("2026-06-01T10:00:00+00:00")  # 10:00 UTC

    assert [c.commit for c in changes(repo)[STREETS][:2]] == [later, summer]
    entries = feedparser.parse(feed(changes(repo))).entries
    assert [e.id.rsplit("/", 1)[1] for e in entries[:2]] == [later, summer]


@pytest.mark.spawns
def test_a_version_that_cannot_be_read_is_amended_without_detail(repo):
    repo.file(STREETS).write_text("id: street-cleansing\ntitle: [unclosed\n")
    repo.commit("2026-02-01T10:00:00+00:00")
    repo.file(STREETS).write_bytes(b"id: street-cleansing\ntitle: \xff\n")
    repo.commit("2026-02-02T10:00:00+00:00")
    repo.file(STREETS).write_text((SMALL / "register" / f"{STREETS}.yaml").read_text())
    repo.commit("2026-02-03T10:00:00+00:00")

    found = changes(repo)[STREETS]
    assert [(c.what, c.summary, c.title) for c in found] == [
        ("amended", "Amended.", "Street cleansing contract"),
        ("amended", "Amended.", STREETS),
        ("amended", "Amended.", "Street cleansing contract"),
        ("added", "Added to the register.", "Street cleansing contract"),
    ]


@pytest.mark.spawns
def test_a_wrong_value_is_read_as_every_command_reads_it(repo):
    """A value set aside when the entry is read is not compared, as the page does not show it."""
    repo.edit(STREETS, "start: 2019-04-01", "start: April 2019")
    repo.commit("2026-02-01T10:00:00+00:00")

    assert latest(repo, STREETS).summary == "Amended: start date."


@pytest.mark.spawns
def test_only_the_register_folder_counts(repo):
    (repo.root / "register" / "notes.txt").write_text("not an arrangement\n")
    (repo.root / "register" / "old").mkdir()
    (repo.root / "register" / "old" / "former.yaml").write_text("id: former\n")
    repo.edit(TOWN, "title: Town Centre Partnership", "title: Town centre partnership")
    (repo.root / "partreg.yaml").write_text((repo.root / "partreg.yaml").read_text() + "\n")
    repo.commit("2026-02-01T10:00:00+00:00")

    assert sorted(changes(repo)) == [STREETS, TOWN]


@pytest.mark.spawns
def test_a_register_inside_a_larger_repository(tmp_path):
    shutil.copytree(SMALL, tmp_path / "top" / "council")
    (tmp_path / "top" / "register").mkdir()
    (tmp_path / "top" / "register" / "unrelated.yaml").write_text("id: unrelated\n")
    repo = Repo(tmp_path / "top", tmp_path / "top" / "council")
    repo.git("init", "-q")
    repo.commit(FIRST_DAY)

    assert sorted(public_changes(repo.root, SETTINGS)) == [STREETS, TOWN]


# --------------------------------------------------------------------------- nothing leaks


@pytest.mark.spawns
def test_a_commit_changing_only_internal_notes_is_no_change(repo):
    repo.edit(TOWN, "notes: not for the public", "notes: the chair is leaving")
    sha = repo.commit("2026-02-01T10:00:00+00:00")

    assert sha not in {c.commit for found in changes(repo).values() for c in found}


@pytest.mark.spawns
def test_a_field_the_settings_keep_internal_is_no_change(repo):
    repo.edit(TOWN, "added_value: One plan", "added_value: A secret plan")
    sha = repo.commit("2026-02-01T10:00:00+00:00")
    hidden = Settings(
        council="Test Borough Council", publish={"risks": True}, internal_fields=["added_value"]
    )

    assert sha not in {c.commit for c in changes(repo, hidden)[TOWN]}
    assert latest(repo, TOWN).summary == "Amended: added value."


@pytest.mark.spawns
def test_risks_are_compared_only_where_they_are_published(repo):
    repo.edit(TOWN, "likelihood: low", "likelihood: high")
    sha = repo.commit("2026-02-01T10:00:00+00:00")
    unpublished = Settings(council="Test Borough Council")

    assert sha not in {c.commit for c in changes(repo, unpublished)[TOWN]}
    assert latest(repo, TOWN).summary == "Amended: risks."


@pytest.mark.spawns
def test_contact_details_are_compared_only_where_they_are_published(repo):
    repo.edit(TOWN, "service: Economic Development}", "service: Economic Development, email: a@b.example}")
    sha = repo.commit("2026-02-01T10:00:00+00:00")
    contacts = Settings(council="Test Borough Council", publish={"risks": True, "contacts": True})

    assert sha not in {c.commit for c in changes(repo)[TOWN]}
    assert latest(repo, TOWN, contacts).summary == "Amended: lead."


@pytest.mark.spawns
def test_a_review_kept_internal_is_no_review(repo):
    repo.edit(TOWN, "links:", "    - {date: 2026-03-01, outcome: exit}\nlinks:")
    sha = repo.commit("2026-03-02T10:00:00+00:00")
    hidden = Settings(council="Test Borough Council", internal_fields=["review"])

    assert sha not in {c.commit for c in changes(repo, hidden)[TOWN]}


@pytest.mark.spawns
def test_authors_and_commit_messages_are_never_published(repo):
    repo.edit(TOWN, "notes: not for the public", "notes: chair resigning")
    repo.edit(TOWN, "A safer town centre", "A safer, busier town centre")
    repo.commit("2026-02-01T10:00:00+00:00", "Chair resigning, see internal notes", author="Jane Officer")

    found = changes(repo)
    text = repr(found) + feed(found, base_url="https://example.org/register/")
    assert "Jane" not in text and "resigning" not in text and "Officer" not in text
    assert latest(repo, TOWN).summary == "Amended: objectives."


# --------------------------------------------------------------------------- outside git


@pytest.mark.spawns
def test_outside_git_there_are_no_changes(tmp_path):
    shutil.copytree(SMALL, tmp_path / "reg")

    assert public_changes(tmp_path / "reg", SETTINGS) == {}


@pytest.mark.spawns
def test_without_git_there_are_no_changes(repo, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs-here"))

    assert public_changes(repo.root, SETTINGS) == {}


@pytest.mark.spawns
def test_a_repository_with_no_commits_has_no_changes(tmp_path):
    shutil.copytree(SMALL, tmp_path / "reg")
    Repo(tmp_path / "reg", tmp_path / "reg").git("init", "-q")

    assert public_changes(tmp_path / "reg", SETTINGS) == {}


# --------------------------------------------------------------------------- the feed


def feed(found, base_url=None, **options):
    return atom_feed(found, SETTINGS, updated="2026-12-01T00:00:00+00:00", base_url=base_url, **options)


def alternate(entry):
    """The entry's page (feedparser makes a link of the id where there is none)."""
    pages = [link.href for link in entry.get("links", []) if link.rel == "alternate"]
    assert len(pages) <= 1
    return pages[0] if pages else None


@pytest.fixture
def history(repo):
    """The small register with an amendment, an end and a removal after it was added."""
    repo.edit(TOWN, "A safer town centre", "A safer, busier town centre")
    repo.commit("2026-02-01T10:00:00+00:00")
    repo.edit(TOWN, "status: active", "status: ended")
    repo.commit("2026-03-01T10:00:00+00:00")
    repo.file(STREETS).unlink()
    repo.commit("2026-04-01T10:00:00+01:00")
    return changes(repo)


@pytest.mark.spawns
def test_the_feed_parses_back_as_atom(history, repo):
    parsed = feedparser.parse(feed(history))
    first = repo.git("rev-list", "--max-parents=0", "HEAD")

    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == "Partnership Register: changes \u2013 Test Borough Council"
    assert parsed.feed.id == "tag:partreg,2024:test-borough-council/changes"
    assert parsed.feed.updated == "2026-04-01T10:00:00+01:00"
    assert parsed.feed.author == "Test Borough Council"
    assert [(e.title, alternate(e), e.updated) for e in parsed.entries] == [
        ("Street cleansing contract: removed", None, "2026-04-01T10:00:00+01:00"),
        (
            "Town Centre Partnership: ended",
            "arrangements/town-centre-partnership.html",
            "2026-03-01T10:00:00+00:00",
        ),
        (
            "Town Centre Partnership: amended",
            "arrangements/town-centre-partnership.html",
            "2026-02-01T10:00:00+00:00",
        ),
        ("Street cleansing contract: added", "arrangements/street-cleansing.html", FIRST_DAY),
        ("Town Centre Partnership: added", "arrangements/town-centre-partnership.html", FIRST_DAY),
    ]
    assert parsed.entries[3].id == f"tag:partreg,2024:test-borough-council/street-cleansing/{first}"
    assert [e.summary for e in parsed.entries[:3]] == [
        "Removed from the register.",
        "Ended.",
        "Amended: objectives.",
    ]
    assert [e.tags[0].term for e in parsed.entries] == ["removed", "ended", "amended", "added", "added"]
    assert all(e.published == e.updated for e in parsed.entries)


@pytest.mark.spawns
def test_the_feed_has_every_element_rfc_4287_requires(history):
    root = ET.fromstring(feed(history).encode())

    assert root.tag == f"{ATOM}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en-GB"
    for name in ("id", "title", "updated", "author/" + ATOM + "name"):
        assert root.find(ATOM + name) is not None, name
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert links == {"self": "changes.atom", "alternate": "index.html"}
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 5
    for entry in entries:
        for name in ("id", "title", "updated", "published", "summary", "category"):
            assert entry.find(ATOM + name) is not None and entry.find(ATOM + name).text != "", name
        # an entry without an alternate link carries content (RFC 4287 4.1.1)
        alternate = entry.find(f"{ATOM}link[@rel='alternate']")
        assert (alternate is None) == (entry.find(f"{ATOM}content") is not None)
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids)


@pytest.mark.spawns
def test_ids_are_stable_and_do_not_depend_on_the_address(history, repo):
    here = feed(history)
    again = feed(changes(repo))
    elsewhere = feed(history, base_url="https://example.org/council/register")

    assert here == again  # byte for byte
    assert [e.id for e in feedparser.parse(here).entries] == [
        e.id for e in feedparser.parse(elsewhere).entries
    ]
    assert feedparser.parse(here).feed.id == feedparser.parse(elsewhere).feed.id


@pytest.mark.spawns
def test_links_are_absolute_under_a_base_url(history):
    text = feed(history, base_url="https://example.org/council/register")
    root = ET.fromstring(text.encode())
    parsed = feedparser.parse(text)

    assert root.get("{http://www.w3.org/XML/1998/namespace}base") == "https://example.org/council/register/"
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert links == {
        "self": "https://example.org/council/register/changes.atom",
        "alternate": "https://example.org/council/register/index.html",
    }
    assert (
        parsed.entries[1].link
        == "https://example.org/council/register/arrangements/town-centre-partnership.html"
    )


@pytest.mark.spawns
def test_without_a_base_url_the_links_are_relative(history):
    root = ET.fromstring(feed(history).encode())

    assert root.get("{http://www.w3.org/XML/1998/namespace}base") is None
    hrefs = [link.get("href") for link in root.iter(f"{ATOM}link")]
    assert hrefs and not any("//" in h for h in hrefs)


@pytest.mark.spawns
def test_at_most_limit_entries_the_newest(history):
    parsed = feedparser.parse(feed(history, limit=2))

    assert [e.title for e in parsed.entries] == [
        "Street cleansing contract: removed",
        "Town Centre Partnership: ended",
    ]


def test_with_no_changes_the_feed_is_dated_as_told():
    parsed = feedparser.parse(feed({}))

    assert not parsed.bozo
    assert parsed.feed.updated == "2026-12-01T00:00:00+00:00"
    assert parsed.entries == []


def test_the_feed_id_of_a_council_named_with_accents_stays_as_readers_have_it():
    """The feed's ids keep the council's name as its readers have it ("Môn" as `m-n`), whatever
    form ids take: a new one would make every change new again to every reader."""
    named = Settings(council="Cyngor Sir Ynys Môn")
    text = atom_feed({}, named, updated="2026-12-01T00:00:00+00:00", base_url=None)
    assert feedparser.parse(text).feed.id == "tag:partreg,2024:cyngor-sir-ynys-m-n/changes"


@pytest.mark.spawns
def test_a_title_with_markup_and_control_characters_stays_well_formed(repo):
    repo.edit(TOWN, "title: Town Centre Partnership", 'title: "Town <b>Centre</b> & \\x1b[31mPartners\\x07"')
    repo.commit("2026-02-01T10:00:00+00:00")
    weird = Settings(council="Test & <Borough>\x0b Council", title="Register \"one\" & 'two'")

    text = atom_feed(changes(repo, weird), weird, updated=FIRST_DAY, base_url='https://x.example/"<&>/')
    root = ET.fromstring(text.encode())
    parsed = feedparser.parse(text)

    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.entries[0].title == "Town <b>Centre</b> & [31mPartners: amended"
    assert root.findtext(f"{ATOM}author/{ATOM}name") == "Test & <Borough> Council"
    assert parsed.feed.id == "tag:partreg,2024:test-borough-council/changes"


# --------------------------------------------------------------------------- with partreg review


@pytest.mark.spawns
def test_a_review_recorded_with_partreg_review_is_in_the_feed(repo):
    partreg = Path(sys.executable).parent / "partreg"
    result = subprocess.run(
        [
            str(partreg),
            "review",
            STREETS,
            "--outcome",
            "continue",
            "--by",
            "Street Scene Manager",
            "--date",
            "2026-01-10",
            "--notes",
            "Performance on target.",
            "--root",
            str(repo.root),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    sha = repo.commit("2026-01-11T16:00:00+00:00", "Review of the street cleansing contract")

    parsed = feedparser.parse(feed(changes(repo)))
    entry = parsed.entries[0]
    assert entry.title == "Street cleansing contract: review recorded"
    assert entry.summary == "Review recorded on 10 January 2026: continue."
    assert entry.id.endswith(f"/{STREETS}/{sha}")
    assert entry.link == f"arrangements/{STREETS}.html"
