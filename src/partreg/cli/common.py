"""What several commands share once they run: the register found and loaded, with the files
left out said; and the terminal's questions and answers.
"""

import contextlib
import sys
from collections.abc import Callable
from pathlib import Path

import typer

from partreg import report
from partreg.app.register import Loaded, load_register
from partreg.errors import Stopped
from partreg.folders import resolve_root
from partreg.models import PartialDate, read_date
from partreg.problems import Problem


def root_of(root: Path | None) -> Path:
    """The register's folder: ``--root``, or searched upward from here."""
    return resolve_root(root, Path.cwd())


def opened(root: Path | None) -> Loaded:
    """The register (:func:`partreg.app.register.load_register`), its files left out said."""
    register = load_register(root_of(root))
    say_left_out(register.left_out, "here")
    return register


def say_left_out(left_out: list[Problem], where: str) -> None:
    """One line on stderr for each file left out, saying which and why."""
    for p in left_out:
        report.error(f"{p.path}:{p.line}:{p.column}: {p.message} ({p.rule}); so it is left out {where}")
    if left_out:
        report.error(
            f"{report.plural(len(left_out), 'file')} left out {where}: fix them (`partreg lint` lists every problem)"
        )


def interactive() -> bool:
    """Whether there is an officer at a terminal to answer questions."""
    return sys.stdin.isatty()


def ask(prompt: str) -> str:
    """One answer from the terminal, the question wrapped to its width; Ctrl-C or Ctrl-D stops the
    command, and nothing is written. Arrow keys edit the line, as in any shell."""
    with contextlib.suppress(ImportError):  # not on every platform: without it, arrows are refused
        import readline  # noqa: F401  (input() edits lines once it is loaded)
    *above, last = report.wrapped(prompt.rstrip(" "), sys.stdout).split("\n")
    for line in above:
        typer.echo(line)
    try:
        return input(last + prompt[len(prompt.rstrip(" ")) :])
    except (KeyboardInterrupt, EOFError):
        raise Stopped() from None


def say(text: str) -> None:
    """A line of a questionnaire, wrapped to the terminal's width at word boundaries."""
    typer.echo(report.wrapped(text, sys.stdout))


def ask_date(
    prompt: str, default: PartialDate, refused: Callable[[PartialDate], str | None] = lambda _: None
) -> PartialDate:
    """A date asked for at the terminal, asked again until it is one partreg reads and ``refused``
    (which says why it refuses one) takes."""
    while True:
        answer = ask(f"{prompt} [{default}]: ").strip() or default.iso
        try:
            value = read_date(answer)
        except ValueError as e:
            typer.echo(f"{answer!r}: {e}", err=True)
            continue
        reason = refused(value)
        if reason is None:
            return value
        typer.echo(f"{value} {reason}", err=True)


def ask_again(prompt: str, why: str, refused: Callable[[str], str | None]) -> str:
    """Text given and refused (``why`` says why) asked for again at the terminal, until ``refused``
    takes the answer; spaces and line breaks in it are one space."""
    typer.echo(why, err=True)
    while True:
        answer = " ".join(ask(f"{prompt}: ").split())
        reason = refused(answer)
        if reason is None:
            return answer
        typer.echo(reason, err=True)
