"""The Jinja environments of the published register: partreg's templates, and a register's own,
read as register files are (never through a link) and run in a sandbox; a failing template in one line."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    select_autoescape,
)
from jinja2.loaders import split_template_path
from jinja2.sandbox import SandboxedEnvironment

from partreg.errors import PartregError
from partreg.markdown import Raw, md, md_link


def template_dirs(register_root: Path | None, package_templates: Path) -> list[Path]:
    """A register's own ``templates/`` first (to override any template), then partreg's, always last."""
    own = register_root / "templates" if register_root else None
    return [d for d in (own, package_templates) if d is not None and d.is_dir()]


class TemplateFolders(FileSystemLoader):
    """Templates read as register files are: never through a symbolic link (a link in a register's
    ``templates/`` could publish any file on the machine, CI's secrets included), and as UTF-8."""

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)
        for folder in self.searchpath:
            path = os.path.join(folder, *pieces)
            if os.path.lexists(path):
                break
        else:
            raise TemplateNotFound(template)
        linked = [p for p in (folder, *_steps(folder, pieces)) if os.path.islink(p)]
        if linked or os.path.islink(os.path.dirname(folder)):
            raise TemplateError(
                f"{path}: a template is reached through a symbolic link; copy the file in instead"
            )
        try:
            with open(
                os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)), "rb"
            ) as f:
                if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                    raise TemplateError(f"{path}: a template must be a file")
                source = f.read().decode("utf-8")
        except UnicodeDecodeError:
            raise TemplateError(f"{path}: a template must be saved as UTF-8") from None
        except OSError as e:
            raise TemplateError(f"{path}: cannot be read ({e.strerror or e})") from None
        return source, os.path.normpath(path), lambda: False


def _steps(folder: str, pieces: list[str]) -> Iterator[str]:
    """Each path from ``folder`` down to the template, the template included."""
    for n in range(1, len(pieces) + 1):
        yield os.path.join(folder, *pieces[:n])


def environments(dirs: list[Path], *, sandboxed: bool) -> tuple[Environment, Environment]:
    """The HTML and Markdown environments. ``sandboxed`` where the register supplies templates of its
    own: a pull request that changes one must not run Python in CI, so such templates may only read
    the values given them (Jinja's sandbox refuses ``__class__``, ``__globals__`` and the like)."""
    loader = ChoiceLoader(
        [TemplateFolders([d / "html" for d in dirs]), TemplateFolders([d / "markdown" for d in dirs])]
    )
    kind = SandboxedEnvironment if sandboxed else Environment
    html = kind(
        loader=loader,
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    markdown = kind(
        loader=loader,
        autoescape=False,
        undefined=StrictUndefined,
        finalize=md,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    markdown.globals.update(raw=Raw, md_link=md_link)
    return html, markdown


class TemplateFailed(PartregError):
    """A template failed: the message says where and why (:func:`template_failure`)."""


def template_failure(error: BaseException) -> str | None:
    """Where a template failed and why, in one line (``templates/html/page.html:3: what``), or
    ``None`` where ``error`` is no template's failure.

    A syntax error names its place; a failure while rendering (a value the
    template names that does not exist, what the sandbox refuses, a division
    by zero) is found in the traceback, where Jinja puts the template's line.
    """
    if isinstance(error, TemplateFailed):
        return str(error)
    name, line = getattr(error, "filename", None), getattr(error, "lineno", None)
    trace = error.__traceback__ if name is None else None
    while trace is not None:  # the innermost template's frame
        if trace.tb_frame.f_code.co_filename.endswith(TEMPLATE_SUFFIXES):
            name, line = trace.tb_frame.f_code.co_filename, trace.tb_lineno
        trace = trace.tb_next
    if name is None and not isinstance(error, TemplateError):
        return None
    where = f"{name}:{line}: " if name else ""
    return f"{where}{type(error).__name__}: {str(error).rstrip('.')}"


TEMPLATE_SUFFIXES = (".html", ".md", ".css", ".js")
