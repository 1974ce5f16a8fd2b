"""Files written whole or not at all, folders made, and one writer at a time in a folder.

A file takes its new text in one step (a temporary file beside it, then a rename); a site is
staged in a hidden folder and its files moved into place; a command that edits the register holds
the folder's lock while it does.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import os
import re
import shutil
import stat
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from partreg.errors import CannotWrite, WriteRefused


def write_atomic(
    path: Path, text: str, *, exclusive: bool = False, expect: bytes | None = None, durable: bool = True
) -> None:
    """Write ``text`` to ``path`` whole or not at all.

    The text goes to a temporary file in the same folder, is flushed to disk,
    and then takes the target's name in one step. With ``exclusive`` the
    target must not exist (two writers of one name: one wins, one is refused).
    With ``expect``, the target must still hold exactly those bytes (it was
    not changed by someone else since it was read). ``durable=False`` skips
    the flush to disk, for a caller that writes many files and then flushes
    them all at once (``write_site``); each file is still replaced whole.
    """
    try:
        _write_atomic(path, text, exclusive=exclusive, expect=expect, durable=durable)
    except OSError as e:
        raise CannotWrite(f"{path}: {_cannot_write(e)}") from None
    if durable and path not in WRITTEN:
        WRITTEN.append(path)


#: The files this command has written one at a time (an entry, the settings), and a site's folder
#: once its pages are in place: where its output then cannot be written (a full disk), the one line
#: says they were. (Emptied as each command starts: a test may run many in one process.)
WRITTEN: list[Path] = []


def make_folder(folder: Path) -> None:
    """``folder`` and its parents, made if missing; ``CannotWrite`` says why not."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise CannotWrite(f"{folder}: {_cannot_write(e)}") from None


STAGING_PREFIX = ".partreg-pages-"


def make_staging(out: Path) -> Path:
    """A new hidden folder inside ``out`` where files wait until :func:`move` puts each in place
    (``rendering.publish_pages``).

    Staging folders a killed run left there are removed first: the caller holds the folder's
    lock (:func:`one_writer`), so no other run is using one.
    """
    make_folder(out)
    for stale in out.glob(f"{STAGING_PREFIX}*"):
        if stale.is_dir() and not stale.is_symlink():
            remove_staging(stale)
    try:
        return Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out))
    except OSError as e:
        raise CannotWrite(f"{out}: {_cannot_write(e)}") from None


def move(source: Path, target: Path) -> None:
    """Move the file ``source`` to ``target``, replacing its old self in one step."""
    try:
        os.replace(source, target)
    except OSError as e:
        raise CannotWrite(f"{target}: {_cannot_write(e)}") from None


def remove_staging(staging: Path) -> None:
    """Remove a staging folder and whatever is left in it."""
    shutil.rmtree(staging, ignore_errors=True)


def _cannot_write(e: OSError) -> str:
    return f"cannot be written ({e.strerror or e}): check the folder exists, and that you may write to it"


def _write_atomic(path: Path, text: str, *, exclusive: bool, expect: bytes | None, durable: bool) -> None:
    try:  # a link, a device (`--out /dev/stdout`), a pipe: the rename would put a file in its place
        kind = os.lstat(path).st_mode
    except FileNotFoundError:
        kind = stat.S_IFREG
    if not stat.S_ISREG(kind):
        what = "a link" if stat.S_ISLNK(kind) else "a folder" if stat.S_ISDIR(kind) else "not a file"
        raise WriteRefused(f"{path}: is {what}, which partreg never replaces: give the path of a file")
    folder = path.parent
    fd, tmp = _temporary(folder, path.name)
    try:
        try:
            with contextlib.suppress(FileNotFoundError):  # a new file keeps the usual mode (umask)
                _keep_mode_and_owner(fd, path.stat(), path, exclusive)  # a replaced one, its own
            data = memoryview(text.encode("utf-8"))
            while data:
                data = data[os.write(fd, data) :]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        if exclusive:
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise WriteRefused(f"{path}: already exists; partreg never replaces it") from None
            os.unlink(tmp)
        else:
            if expect is not None:
                try:
                    current = path.read_bytes()
                except FileNotFoundError:
                    current = None
                if current != expect:
                    raise WriteRefused(
                        f"{path}: changed on disk since partreg read it; run the command again"
                    )
            os.replace(tmp, path)
        if durable:
            _fsync_dir(folder)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def _keep_mode_and_owner(fd: int, old: os.stat_result, path: Path, exclusive: bool) -> None:
    """Give the new file the mode and owner of the one it replaces (its owner where the system lets
    this process: root's edit of an officer's file stays the officer's); a file marked read-only, or
    that this user may not write, is not replaced, whatever the folder lets this process do."""
    if not exclusive and (not old.st_mode & stat.S_IWUSR or not os.access(path, os.W_OK)):
        raise WriteRefused(
            f"{path}: is marked read-only, so partreg does not replace it: make it writable first"
        )
    os.fchmod(fd, stat.S_IMODE(old.st_mode))
    if hasattr(os, "fchown") and (old.st_uid, old.st_gid) != (os.getuid(), os.getgid()):
        with contextlib.suppress(OSError):
            os.fchown(fd, old.st_uid, old.st_gid)


_temporaries = itertools.count()


def _temporary(folder: Path, name: str) -> tuple[int, str]:
    """A new, empty, hidden file in ``folder`` for the text of ``name``: made by this call alone."""
    while True:
        tmp = os.path.join(folder, f".{name}.partreg-{os.getpid()}-{next(_temporaries)}.tmp")
        try:
            return os.open(tmp, _CREATE_FLAGS, 0o666), tmp
        except FileExistsError:  # left by an earlier process of the same number: take the next
            continue


_CREATE_FLAGS = (
    os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
)


def flush_folder(folder: Path) -> None:
    """Flush to disk what was written under ``folder``: the files ``write_atomic`` wrote with
    ``durable=False``. On Linux one call flushes the folder's file system (``syncfs``), not every
    disk of the machine as ``os.sync`` would, and not file by file; elsewhere ``os.sync``, where
    the system has it."""
    syncfs = getattr(_libc(), "syncfs", None) if sys.platform.startswith("linux") else None
    if syncfs is not None:
        fd = os.open(folder, os.O_RDONLY)
        try:
            if syncfs(fd) == 0:
                return
        finally:
            os.close(fd)
    if hasattr(os, "sync"):
        os.sync()


@functools.cache
def _libc() -> Any:
    import ctypes  # here: only a render flushes, and lint's start-up need not load it

    try:
        return ctypes.CDLL(None, use_errno=True)
    except (OSError, TypeError):
        return None


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


#: How long a command that edits a file waits for another that is editing the register.
LOCK_WAIT_SECONDS = 10.0


@contextlib.contextmanager
def one_writer(folder: Path, *, wait: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Hold the register folder's edit lock: one command edits its files at a time.

    The lock is the operating system's (``flock`` on the folder), so it is
    released however the holder ends, killed included; no lock file is left
    behind. A second writer waits up to ``wait`` seconds, then is refused
    with one line. Temporary files that killed writers left in the folder are
    removed once the lock is held (readers never take them for entries).
    Where the system or the file system has no ``flock`` (Windows, some
    network shares), the check that a file did not change since it was read
    is the only guard, and temporary files are left for a locked run.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on the platforms CI runs
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as e:
        raise CannotWrite(f"{folder}: {_cannot_write(e)}") from None
    try:
        deadline, locked = time.monotonic() + wait, True
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise WriteRefused(
                        f"{folder}: another partreg command has been editing the register for "
                        f"{wait:g} s; nothing was written: run this command again when it has finished"
                    ) from None
                time.sleep(0.02)
            except OSError:  # a file system without locks (some network shares): as on Windows, below
                locked = False
                break
        if locked:
            _remove_stale_temporaries(folder)
        yield
    finally:
        os.close(fd)  # releases the lock


#: A temporary file :func:`write_atomic` makes: named so that no file of the council's is taken for
#: one (a hidden `.budget.2025.1.tmp` in the register's folder had been removed as one).
_TEMPORARY = re.compile(r"\..+\.partreg-\d+-\d+\.tmp")


def _remove_stale_temporaries(folder: Path) -> None:
    """Remove the temporary files writers left: every writer in ``folder`` holds its lock, so one
    found while the lock is held belongs to a writer that was killed (whatever its process number,
    which the system may have given to another process since)."""
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if _TEMPORARY.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
