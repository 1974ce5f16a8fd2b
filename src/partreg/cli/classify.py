"""``partreg classify``: the kind an entry, an answers file or the questionnaire's answers make
an arrangement, said as text or JSON."""

import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from partreg import report
from partreg.app.classifying import Classified, classify_entry, classify_facts, facts_in_file
from partreg.app.register import entry_file, find_entry, names_a_file, read_entry_file
from partreg.cli import common
from partreg.cli.framework import Command, RootOption, ShowFormat, ShowFormatOption, command_set, help_for
from partreg.errors import UsageError
from partreg.models import Settings
from partreg.questionnaire import Questionnaire

commands = command_set()


@commands.command("classify", cls=Command)
@help_for(
    "classify",
    """
    With an ID or FILE, classify that entry from its characteristics and compare
    with its recorded kind. With --answers, classify those facts. With neither,
    on a terminal, ask the questions one at a time. Exit 0 when nothing recorded
    contradicts the recorded kind (or, with no kind recorded, when a kind is
    decided without contradiction), 1 otherwise.

    Example: partreg classify street-cleansing-contract-biffa
    """,
)
def classify_(
    target: Annotated[
        str | None, typer.Argument(metavar="[ID|FILE]", help="A register entry's id, or an arrangement file.")
    ] = None,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help="A YAML or JSON file of facts: `council_sole_procurer: true`, ...",
            dir_okay=False,
        ),
    ] = None,
    output: ShowFormatOption = ShowFormat.text,
    root: RootOption = None,
) -> None:
    found = _classified(target, answers, root)
    document, recorded = found.document, found.recorded
    if output is ShowFormat.json:
        report.as_json({**document, "recorded": recorded} if recorded else document, sys.stdout)
    else:
        report.classification_text(document, recorded, report.console())
    raise typer.Exit(1 if found.fails else 0)


def _classified(target: str | None, answers: Path | None, root: Path | None) -> Classified:
    """The facts the options give, classified: an answers file's, an entry's (by id, or in a
    file), or the answers to the questions at a terminal."""
    if answers is not None:
        return classify_facts(facts_in_file(answers))
    if target is not None:
        if names_a_file(target):
            return classify_entry(read_entry_file(target))
        entry_file(common.root_of(root), target)  # an id that cannot be, before the register is read
        return classify_entry(find_entry(common.opened(root), target))
    if common.interactive():
        asker = Questionnaire(common.ask, common.say, Settings(council="-"), date.today(), lambda _: False)
        return classify_facts(asker.facts())
    raise UsageError(
        "give an ID or FILE, or --answers FILE; or run it in a terminal to be asked the questions"
    )
