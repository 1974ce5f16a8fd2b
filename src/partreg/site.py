"""The folder ``render`` publishes into: what partreg may write there, and what it may delete.

partreg records each file it writes in the folder's manifest (``.partreg-site.json``), with the
SHA-256 of its bytes. It writes only through real folders below ``--out``, never through or over
a symbolic link (:func:`site_path`); it deletes an earlier file only when :func:`_why_kept` finds
it is still exactly what partreg wrote; and :func:`check_site` refuses, before anything is
written, a folder that is not the site's own.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from partreg.errors import CannotWrite, UsageError
from partreg.files import STAGING_PREFIX, flush_folder, make_folder, write_atomic
from partreg.folders import REGISTER_DIR

SITE_MANIFEST = ".partreg-site.json"
#: The folder of the arrangements' pages, inside the site.
PAGES = "arrangements"
#: The files partreg writes at the top of the site, besides the pages.
SITE_FILES = frozenset({"index.html", "register.md", "register.csv", "register.json", SITE_MANIFEST})
#: What publishing puts in a site folder beside partreg's files, wherever it is: a git checkout
#: (of a GitHub Pages branch), a custom domain, Jekyll switched off, and macOS Finder's folder
#: settings. Never counted as someone else's files, and never written or deleted.
BESIDE = frozenset({".git", "CNAME", ".nojekyll", ".DS_Store"})
#: A manifest larger than this is no manifest partreg wrote (100,000 pages take about 10 MB).
MANIFEST_LIMIT = 64_000_000
_HASH = re.compile(r"[0-9a-f]{64}")
# reading never follows a link, nor waits on a named pipe
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
_NAMED = 3  # files a refusal names before "and N more"


@dataclass
class Site:
    """A folder to publish into, and what partreg wrote there before."""

    #: The folder, resolved: nothing below it is reached through a symbolic link.
    out: Path
    #: The folder as the user named it, for messages.
    shown: Path
    #: The files the manifest records, each with the SHA-256 of what partreg wrote (``None``
    #: where an older partreg recorded the name alone).
    recorded: dict[str, str | None] = field(default_factory=dict)
    #: Why the manifest was ignored (not JSON, not a manifest's shape, not a plain file).
    warning: str | None = None


def open_site(out: Path) -> Site:
    """The folder ``out`` and what its manifest records; a manifest that cannot be trusted whole
    is ignored (``Site.warning`` says so), and then nothing there counts as partreg's."""
    site = Site(out.resolve(), out)
    try:
        fd = os.open(site.out / SITE_MANIFEST, _READ_FLAGS)
    except (FileNotFoundError, NotADirectoryError):
        return site
    except OSError:
        recorded = None
    else:
        with os.fdopen(fd, "rb") as f:
            raw = f.read(MANIFEST_LIMIT + 1) if stat.S_ISREG(os.fstat(fd).st_mode) else None
            recorded = _recorded(raw) if raw is not None and len(raw) <= MANIFEST_LIMIT else None
    if recorded is None:
        site.warning = (
            f"{out / SITE_MANIFEST} is not a list of files partreg wrote: ignored, "
            "so no earlier file is removed"
        )
    else:
        site.recorded = recorded
    return site


def _recorded(raw: bytes) -> dict[str, str | None] | None:
    """The manifest's files and hashes: ``{"files": {name: sha256}}``, or an older partreg's list of
    names; ``None`` unless every name is a plain relative path and every hash a SHA-256."""
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    if isinstance(data, list) and all(isinstance(name, str) for name in data):
        files: dict[str, str | None] = dict.fromkeys(data)
    elif isinstance(data, dict) and isinstance(data.get("files"), dict):
        files = data["files"]
        if not all(h is None or (isinstance(h, str) and _HASH.fullmatch(h)) for h in files.values()):
            return None
    else:
        return None
    plain = all(
        part not in ("", ".", "..") and "\\" not in part and "\0" not in part
        for name in files
        for part in name.split("/")
    )
    return files if plain else None


def check_site(site: Site, *, root: Path, home: Path | None, force: bool) -> None:
    """Refuse (``UsageError``), before anything is written, to publish into the register's root,
    its ``register/`` folder or the home folder, or a folder above one of them; into a folder where
    a file or folder partreg writes is a symbolic link; or, unless ``force``, into a folder holding
    files partreg did not write (``BESIDE`` aside)."""
    root = root.resolve()
    kept_out = [
        (root, "the register's root (the folder holding partreg.yaml)"),
        (root / REGISTER_DIR, "the register's own folder"),
    ]
    if home is not None:
        kept_out.append((home.resolve(), "your home folder"))
    for folder, what in kept_out:
        if site.out == folder or site.out in folder.parents:
            verb = "is" if site.out == folder else "holds"
            raise UsageError(
                f"--out {site.shown} {verb} {what}: publish into a folder of its own, such as site"
            )
    if not site.out.is_dir():
        return
    foreign = []
    for name, link in _contents(site.out):
        if link and (name in SITE_FILES or name.split("/")[0] == PAGES):
            raise UsageError(_link_refused(site, name))
        if name not in site.recorded and name != SITE_MANIFEST:
            foreign.append(name)
    if foreign and not force:
        more = f" and {len(foreign) - _NAMED} more" if len(foreign) > _NAMED else ""
        raise UsageError(
            f"{site.shown}/ holds files partreg did not write ({', '.join(foreign[:_NAMED])}{more}): "
            "publish into an empty or new folder, or add --force to publish beside them"
        )


def _contents(folder: Path, prefix: str = "") -> Iterator[tuple[str, bool]]:
    """Everything in ``folder`` but real folders (searched instead), staging folders and
    ``BESIDE``: each by its path in the site, and whether it is a symbolic link. A folder that
    cannot be read is given as itself."""
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as e:
        if not prefix:
            raise CannotWrite(f"{folder}: cannot be read ({e.strerror or e})") from None
        yield prefix.rstrip("/"), False
        return
    for entry in entries:
        name = entry.name
        if name in BESIDE or (not prefix and name.startswith(STAGING_PREFIX)):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _contents(Path(entry.path), f"{prefix}{name}/")
        else:
            yield prefix + name, entry.is_symlink()


def site_path(site: Site, name: str) -> Path:
    """Where to write the file ``name`` (``arrangements/x.html``) of the site, its folders made where
    missing; refused (``UsageError``) where a folder on the way, or the file, is a symbolic link."""
    path = site.out
    for part in name.split("/"):
        path = path / part
        if path.is_symlink():
            raise UsageError(_link_refused(site, path.relative_to(site.out).as_posix()))
    if not path.parent.is_dir():
        make_folder(path.parent)
    return path


def _link_refused(site: Site, name: str) -> str:
    return (
        f"{site.shown / name} is a symbolic link, and partreg never writes through or over one: "
        "remove it, then render again"
    )


def _why_kept(site: Site, name: str) -> str | None:
    """Why the recorded file ``name`` is not partreg's to delete; ``None`` when it is (or is gone):
    a plain file inside the site, reached through real folders only, holding exactly the bytes
    partreg recorded writing."""
    parts = name.split("/")
    if BESIDE.intersection(parts):
        return "partreg never deletes what publishing put there"
    path = site.out
    for part in parts:
        path = path / part
        try:
            mode = path.lstat().st_mode
        except (FileNotFoundError, NotADirectoryError):
            return None
        if stat.S_ISLNK(mode):
            return f"{site.shown / path.relative_to(site.out)} is a symbolic link"
    if not stat.S_ISREG(mode):
        return "it is not a plain file"
    digest = site.recorded.get(name)
    if digest is None:
        return "an older partreg recorded it without a checksum, so partreg cannot tell it is unchanged"
    if _sha256(path) != digest:
        return "it changed since partreg wrote it"
    return None


def _sha256(path: Path) -> str:
    try:
        with open(os.open(path, _READ_FLAGS), "rb") as f:
            return hashlib.file_digest(f, "sha256").hexdigest()
    except OSError as e:
        raise CannotWrite(f"{path}: cannot be read back ({e.strerror or e})") from None


def expect(site: Site, names: Iterable[str]) -> None:
    """Record, before any of them is written, the files this render will write: if it stops part
    way (a full disk), the next render knows them as partreg's rather than refuse the folder as
    someone else's. A name not recorded before has no checksum yet, so it is never deleted on the
    strength of this record; :func:`write_site` records each file's checksum once it is written."""
    recorded = dict(site.recorded)
    for name in names:
        recorded.setdefault(name, None)
    _write_manifest(site, recorded)


def _write_manifest(site: Site, recorded: dict[str, str | None]) -> None:
    make_folder(site.out)
    write_atomic(
        site_path(site, SITE_MANIFEST), json.dumps({"files": recorded}, indent=0, sort_keys=True) + "\n"
    )


def write_site(site: Site, files: Iterable[tuple[str, str | None]]) -> tuple[list[str], list[str]]:
    """Write a rendered site into ``site``, each file atomically and never through a symbolic link
    (:func:`site_path`); returns the files written, and a line for each earlier file left in place.

    A file given without content (``None``) was moved into place already (the pages, which
    ``rendering.render_files`` writes in the process that renders them): it is part of the site,
    and is hashed and flushed here.

    Files partreg wrote before and no longer renders (an arrangement removed, or made internal)
    are deleted if they are still what partreg wrote (:func:`_why_kept`); the manifest keeps
    recording the others, and each render says again why it leaves them. Nothing else in the
    folder is touched.
    """
    make_folder(site.out)
    written: dict[str, str | None] = {}
    for name, content in files:
        path = site_path(site, name)
        if content is None:
            written[name] = _sha256(path)
        else:
            write_atomic(path, content, durable=False)  # each file whole; all flushed to disk below
            written[name] = hashlib.sha256(content.encode("utf-8")).hexdigest()
    kept, recorded = [], dict(written)
    for name in sorted(site.recorded.keys() - written.keys()):
        why = _why_kept(site, name)
        if why:
            kept.append(f"{site.shown / name} is left in place: {why}; remove it if it is no longer wanted")
            recorded[name] = site.recorded[name]
            continue
        try:
            with contextlib.suppress(FileNotFoundError):
                (site.out / name).unlink()
        except OSError as e:
            raise CannotWrite(
                f"{site.shown / name}: an old page cannot be removed ({e.strerror or e})"
            ) from None
    flush_folder(site.out)  # one flush for the whole site, rather than one per file
    _write_manifest(site, recorded)
    site.recorded = recorded
    return list(written), kept
