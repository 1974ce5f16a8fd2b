"""`render` writes and deletes only inside --out, only what it wrote, never through a symbolic link."""

import datetime as dt
import hashlib
import json
import os
from pathlib import Path

import pytest

from tests.common import run_partreg

pytestmark = pytest.mark.spawns

PAGE = "arrangements/brentwood-community-fund.html"
ENTRY = "register/brentwood-community-fund.yaml"


def render(register, *args):
    return run_partreg(register, "render", "--as-of", "2026-11-24", *args)


def snapshot(folder):
    """Everything under ``folder``, links not followed: each file's bytes, each link's target."""
    found = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            path = Path(dirpath, name)
            if path.is_symlink():
                found[path.relative_to(folder)] = ("link to", os.readlink(path))
            elif path.is_file():
                found[path.relative_to(folder)] = path.read_bytes()
    return found


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def outside(tmp_path_factory):
    """A folder that is no part of the site, holding what a planted manifest or link points at."""
    folder = tmp_path_factory.mktemp("outside")
    (folder / "victim.txt").write_text("not partreg's\n")
    (folder / "pages").mkdir()
    (folder / "pages" / "keep.html").write_text("<p>not partreg's</p>\n")
    return folder


def test_a_planted_manifest_or_link_deletes_and_overwrites_nothing_outside_what_render_wrote(
    register, outside
):
    site = register / "site"
    assert render(register, "--out", "site").returncode == 0
    (site / "link").symlink_to(outside, target_is_directory=True)
    (site / "notes.txt").write_text("the council's own notes\n")
    victim = outside / "victim.txt"
    ours = {p.relative_to(site).as_posix(): sha256(p) for p in site.rglob("*.html")}
    planted = [
        [str(victim), "index.html"],  # an absolute path, in the older list of names
        {"files": {**ours, str(victim): sha256(victim)}},  # ... with its true checksum
        {"files": {**ours, os.path.relpath(victim, site): sha256(victim)}},  # ../ out of the site
        {"files": {**ours, "link/victim.txt": sha256(victim)}},  # through a symbolic link in the site
        {"files": {**ours, "notes.txt": "0" * 64}},  # a file partreg did not write
        ["notes.txt", *ours],  # ... in the older list, which has no checksums
    ]
    outside_before = snapshot(outside)
    for manifest in planted:
        (site / ".partreg-site.json").write_text(json.dumps(manifest))
        for force in ((), ("--force",)):
            result = render(register, "--out", "site", *force)
            assert snapshot(outside) == outside_before, (manifest, force)
            assert (site / "notes.txt").read_text() == "the council's own notes\n"
            assert (site / "link").is_symlink()
        assert result.returncode == 0, result.stderr
        assert (
            "ignored, so no earlier file is removed" in result.stderr or "is left in place" in result.stderr
        )

    (site / "arrangements").rename(register / "pages-before")
    (site / "arrangements").symlink_to(outside / "pages", target_is_directory=True)
    site_before = snapshot(site)
    for force in ((), ("--force",)):
        result = render(register, "--out", "site", *force)
        assert result.returncode == 2
        assert result.stderr == (
            "partreg: site/arrangements is a symbolic link, and partreg never writes through or over one: "
            "remove it, then render again\n"
        )
        assert snapshot(outside) == outside_before and snapshot(site) == site_before


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("link", ["arrangements", "index.html", PAGE, ".partreg-site.json"])
def test_a_symbolic_link_where_render_writes_is_refused_and_nothing_is_written(register, outside, link, jobs):
    """With --jobs 2 the pages are written by worker processes (on a machine of two CPUs or more)."""
    site = register / "site"
    assert render(register, "--out", "site").returncode == 0
    target = outside / ("pages" if link == "arrangements" else "victim.txt")
    os.replace(site / link, register / "moved-away")
    (site / link).symlink_to(target, target_is_directory=target.is_dir())
    outside_before, site_before = snapshot(outside), snapshot(site)
    (register / ENTRY).write_text((register / ENTRY).read_text().replace("title: ", "title: Changed ", 1))

    result = render(register, "--out", "site", "--jobs", jobs)

    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert lines[-1] == (
        f"partreg: site/{link} is a symbolic link, and partreg never writes through or over one: "
        "remove it, then render again"
    )
    assert len(lines) == 1 + (link == ".partreg-site.json"), "a linked manifest is also said to be ignored"
    assert snapshot(outside) == outside_before and snapshot(site) == site_before


def test_pages_written_by_workers_are_never_moved_through_a_symbolic_link(register, outside):
    """The check before rendering is not all: publishing each page refuses a link on its way too."""
    from partreg.errors import UsageError
    from partreg.folders import package_templates, read_settings, register_files
    from partreg.render import publication
    from partreg.rendering import discard, publish, render_files
    from partreg.site import check_site, open_site
    from partreg.templating import template_dirs

    settings, _ = read_settings(register)
    pub = publication(settings, dt.date(2026, 11, 24), template_dirs(register, package_templates()))
    site = open_site(register / "site")
    check_site(site, root=register, home=None, force=False)
    rendered = render_files(register_files(register), register, pub, site.out, jobs=2)
    (site.out / "arrangements").symlink_to(outside / "pages", target_is_directory=True)
    outside_before = snapshot(outside)
    with pytest.raises(UsageError, match="site/arrangements is a symbolic link"):
        publish(rendered, pub, site)
    discard(rendered)
    assert snapshot(outside) == outside_before


@pytest.mark.parametrize(
    ("out", "said"),
    [
        ("/", "--out / holds the register's root (the folder holding partreg.yaml)"),
        ("..", "--out .. holds the register's root (the folder holding partreg.yaml)"),
        ("register", "--out register is the register's own folder"),
        ("HOME", "is your home folder"),
    ],
)
def test_out_that_is_or_holds_the_register_or_home_is_refused(
    register, tmp_path_factory, monkeypatch, out, said
):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    out = str(home) if out == "HOME" else out
    # a file that cannot be read: should the refusal ever go, nothing is published there all the same
    (register / "register" / "broken.yaml").write_text("id: [unclosed\n")
    result = render(register, "--out", out)
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert said in line and line.endswith(": publish into a folder of its own, such as site"), line


def test_out_at_the_register_root_is_refused_and_replaces_nothing(register):
    (register / "register.md").write_text("# Our register, written by hand\n")
    (register / "index.html").write_text("<h1>Ours</h1>\n")
    before = snapshot(register)
    result = render(register, "--out", ".")
    assert result.returncode == 2
    assert result.stderr == (
        "partreg: --out . is the register's root (the folder holding partreg.yaml): "
        "publish into a folder of its own, such as site\n"
    )
    assert snapshot(register) == before


def test_a_folder_holding_other_files_is_refused_unless_forced_and_publishing_files_are_welcome(register):
    site = register / "site"
    (site / "drafts").mkdir(parents=True)
    foreign = {
        "notes.txt": "notes\n",
        "drafts/a.html": "a\n",
        "drafts/b.html": "b\n",
        "photo.jpg": "j",
        "x": "",
    }
    publishing = {
        ".git/HEAD": "ref: refs/heads/gh-pages\n",
        "CNAME": "register.example.gov.uk\n",
        ".nojekyll": "",
    }
    for name, text in {**foreign, **publishing}.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text)
    before = snapshot(site)

    result = render(register, "--out", "site")
    assert result.returncode == 2
    assert result.stderr == (
        "partreg: site/ holds files partreg did not write (drafts/a.html, drafts/b.html, notes.txt and 2 more): "
        "publish into an empty or new folder, or add --force to publish beside them\n"
    )
    assert snapshot(site) == before, "nothing was written"

    assert render(register, "--out", "site", "--force").returncode == 0
    after = snapshot(site)
    assert {name: after[Path(name)] for name in before} == before, "every file there before is as it was"
    assert (site / "index.html").is_file()

    for name in foreign:
        (site / name).unlink()
    result = render(register, "--out", "site")
    assert (result.returncode, result.stderr) == (0, "")
    assert all((site / name).read_text() == text for name, text in publishing.items())


def test_a_normal_site_renders_again_silently_and_drops_the_page_of_a_deleted_arrangement(register):
    site = register / "site"
    for _ in range(2):
        result = render(register, "--out", "site")
        assert (result.returncode, result.stderr) == (0, "")
    recorded = json.loads((site / ".partreg-site.json").read_text())["files"]
    assert recorded == {
        p.relative_to(site).as_posix(): sha256(p) for p in site.rglob("*") if p.is_file() and p.name[0] != "."
    }
    (register / ENTRY).unlink()
    result = render(register, "--out", "site")
    assert (result.returncode, result.stderr) == (0, "")
    assert not (site / PAGE).exists()
    assert PAGE not in json.loads((site / ".partreg-site.json").read_text())["files"]


def test_a_page_changed_by_hand_is_left_in_place_and_said_at_every_render(register):
    site = register / "site"
    assert render(register, "--out", "site").returncode == 0
    edited = (site / PAGE).read_bytes() + b"<!-- kept by hand -->\n"
    (site / PAGE).write_bytes(edited)
    (register / ENTRY).unlink()
    for _ in range(2):
        result = render(register, "--out", "site")
        assert result.returncode == 0
        assert result.stderr == (
            f"partreg: site/{PAGE} is left in place: it changed since partreg wrote it; "
            "remove it if it is no longer wanted\n"
        )
        assert (site / PAGE).read_bytes() == edited


def test_an_older_manifest_without_checksums_deletes_nothing_and_says_so(register):
    site = register / "site"
    assert render(register, "--out", "site").returncode == 0
    names = sorted(
        p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and p.name[0] != "."
    )
    (site / ".partreg-site.json").write_text(json.dumps(names, indent=0))  # as partreg wrote it before
    page = (site / PAGE).read_bytes()
    (register / ENTRY).unlink()
    result = render(register, "--out", "site")
    assert result.returncode == 0
    assert result.stderr == (
        f"partreg: site/{PAGE} is left in place: an older partreg recorded it without a checksum, "
        "so partreg cannot tell it is unchanged; remove it if it is no longer wanted\n"
    )
    assert (site / PAGE).read_bytes() == page
    recorded = json.loads((site / ".partreg-site.json").read_text())["files"]
    assert recorded[PAGE] is None and recorded["index.html"] == sha256(site / "index.html")


@pytest.mark.parametrize(
    "manifest",
    [
        b"not JSON",
        b"[1, 2]",
        b'"index.html"',
        b'{"files": ["index.html"]}',
        b'{"files": {"index.html": "not a checksum"}}',
        b"[" * 100_000,
    ],
)
def test_a_manifest_that_is_not_a_manifest_is_ignored_whole_with_one_warning(register, manifest):
    site = register / "site"
    assert render(register, "--out", "site").returncode == 0
    (site / ".partreg-site.json").write_bytes(manifest)
    (register / ENTRY).unlink()
    warning = "partreg: site/.partreg-site.json is not a list of files partreg wrote: ignored, so no earlier file is removed"

    result = render(register, "--out", "site")
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == warning
    assert "site/ holds files partreg did not write" in result.stderr

    result = render(register, "--out", "site", "--force")
    assert (result.returncode, result.stderr.splitlines()) == (0, [warning])
    assert (site / PAGE).is_file(), "a manifest is trusted whole or not at all"


def test_a_render_stopped_part_way_leaves_a_folder_the_next_render_knows_as_its_own(register, monkeypatch):
    """A full disk stopped render after the pages were in place and before the manifest was
    written: the next render refused the folder as someone else's, unless --force."""
    from partreg import site as site_module
    from partreg.errors import CannotWrite
    from tests.test_cli import partreg

    real = site_module.write_atomic

    def full_disk(path, text, **kwargs):
        if path.name == "register.csv":
            raise CannotWrite(f"{path}: cannot be written (No space left on device)")
        return real(path, text, **kwargs)

    monkeypatch.setattr(site_module, "write_atomic", full_disk)
    code, _, err = partreg("render", "--out", "site", cwd=register)
    assert code == 1 and "No space left on device" in err
    monkeypatch.setattr(site_module, "write_atomic", real)
    code, _, err = partreg("render", "--out", "site", cwd=register)
    assert code == 0, err
    assert (register / "site" / "register.csv").is_file()
