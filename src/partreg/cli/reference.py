"""``partreg rules`` and ``partreg schema``: the lint rules' documentation and the format's JSON Schema."""

import sys
from enum import StrEnum
from typing import Annotated

import typer

from partreg import report
from partreg.cli.framework import Command, command_set, help_for
from partreg.errors import UsageError
from partreg.models import arrangement_schema
from partreg.problems import rules_markdown
from partreg.rules import ALL, BY_ID
from partreg.spelling import did_you_mean

commands = command_set()


class RulesFormat(StrEnum):
    text = "text"
    markdown = "markdown"


@commands.command("rules", cls=Command)
@help_for(
    "rules",
    """
    Example: partreg rules unknown-key
    """,
)
def rules(
    rule_id: Annotated[
        str | None, typer.Argument(help="One rule's id, to show its full documentation.")
    ] = None,
    full: Annotated[bool, typer.Option("--full", help="Show every rule's full documentation.")] = False,
    output: Annotated[
        RulesFormat,
        typer.Option("--format", "-f", case_sensitive=False, help="text, or markdown for docs/rules.md."),
    ] = RulesFormat.text,
) -> None:
    if output is RulesFormat.markdown:
        sys.stdout.write(rules_markdown(ALL))
        return

    if rule_id is not None:
        if rule_id not in BY_ID:
            raise UsageError(f"no rule {rule_id!r}{did_you_mean(rule_id, BY_ID)}; `partreg rules` lists them")
        report.rules_text([BY_ID[rule_id]], report.console(), full=True)
        return
    report.rules_text(ALL, report.console(), full=full)


@commands.command("schema", cls=Command)
@help_for(
    "schema",
    """
    Example: partreg schema > arrangement.schema.json
    """,
)
def schema() -> None:
    report.as_json(arrangement_schema(), sys.stdout)
