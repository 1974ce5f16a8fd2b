"""Problems, rules, records and classifications as text for people, on a terminal or into a
file: problems grouped by file with a summary, the rule catalogue, a table of records, a nested
record as ``key: value`` lines, and a classification in plain English.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from itertools import groupby
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

from partreg.models import plural
from partreg.problems import Problem, Rule, Severity
from partreg.report.text import bullet, cell, escape, hanging, rich_table


def problems_text(problems: Sequence[Problem], files: int, out: Console) -> None:
    """Problems grouped by file, then a summary line. On a terminal a long message wraps under
    itself, at word boundaries; elsewhere each problem is one line."""
    for path, group in groupby(problems, key=lambda p: p.path):
        out.print(f"[bold underline]{escape(path)}[/]")
        rows = []
        for p in group:
            colour = "red" if p.severity is Severity.ERROR else "yellow"
            where, severity = f"  {p.line}:{p.column}", f"[{colour}]{p.severity:<7}[/]"
            rows.append((where, severity, f"{escape(p.message)}  [dim]{p.rule}[/]"))
        if out.soft_wrap:
            for where, severity, message in rows:
                out.print(f"{where.ljust(10)}{severity} {message}")
        else:
            out.print(hanging(rows))
        out.print()
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    bad_files = len({p.path for p in problems})
    if not problems:
        out.print(f"[green]✔[/] {plural(files, 'file')} checked, no problems")
    else:
        colour = "red" if errors else "yellow"
        out.print(
            f"[{colour}]✖[/] {plural(errors, 'error')}, {plural(warnings, 'warning')} "
            f"in {bad_files} of {plural(files, 'file')}"
        )


def rules_text(rules: Sequence[Rule], out: Console, *, full: bool) -> None:
    if not full and out.soft_wrap:  # into a file or a pipe: a rule a line, whole, for grep
        width = max(len(rule.id) for rule in rules)
        for rule in rules:
            out.print(f"{rule.id:<{width}}  {rule.severity!s:<7}  {escape(rule.summary)}")
        return
    if not full:
        table = rich_table(box=None, pad_edge=False)
        table.add_column("rule")
        table.add_column("severity")
        table.add_column("what it checks")
        for rule in rules:
            table.add_row(rule.id, str(rule.severity), escape(rule.summary))
        out.print(table)
        return
    for rule in rules:
        out.print(f"[bold]{rule.id}[/] ({rule.severity})")
        out.print(escape(rule.doc.strip()))
        out.print()


def records_table(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[str],
    out: Console,
    *,
    title: str | None = None,
) -> None:
    table = rich_table(title=title, title_justify="left")
    for column in columns:
        short = column in ("kind", "status", "start", "end", "date", "commit", "next_review", "days", "state")
        wide = column in ("title", "summary", "partners")
        table.add_column(
            column.replace("_", " "), overflow="fold", no_wrap=short, min_width=24 if wide else None
        )
    for row in rows:
        table.add_row(*(escape(cell(row.get(c))) for c in columns))
    out.print(table)


def mapping_text(record: dict[str, Any], out: Console) -> None:
    """A nested record as indented ``key: value`` lines."""
    buffer = io.StringIO()
    _write_mapping(record, buffer, 0)
    out.print(escape(buffer.getvalue().rstrip()))


def _write_mapping(value: Any, out: io.StringIO, depth: int) -> None:
    pad = "  " * depth
    if isinstance(value, dict):
        for k, v in value.items():
            if isinstance(v, dict | list) and v:
                out.write(f"{pad}{k}:\n")
                _write_mapping(v, out, depth + 1)
            else:
                _write_value(f"{pad}{k}:", cell(v), len(pad) + 2, out)
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict):
                first = True
                for k, v in item.items():
                    lead = "- " if first else "  "
                    first = False
                    if isinstance(v, dict | list) and v:
                        out.write(f"{pad}{lead}{k}:\n")
                        _write_mapping(v, out, depth + 2)
                    else:
                        _write_value(f"{pad}{lead}{k}:", cell(v), len(pad) + 4, out)
            else:
                _write_value(f"{pad}-", cell(item), len(pad) + 2, out)


def _write_value(head: str, text: str, indent: int, out: io.StringIO) -> None:
    """``head`` and a value after it; a value of several lines (notes) on the lines below, each
    indented under its key, so that none of them reads as a key of its own."""
    if "\n" not in text:
        out.write(f"{head} {text}\n")
        return
    out.write(f"{head}\n")
    for line in text.rstrip("\n").split("\n"):
        out.write(f"{' ' * indent}{line}\n" if line else "\n")


def classification_text(result: dict[str, Any], recorded: str | None, out: Console) -> None:
    """A classification, its reasons, contradictions and open questions, in plain English; compared
    with the recorded kind, "contradicted" only where the facts contradict it."""
    if result["kind"]:
        out.print(f"[bold]Kind: {result['kind']}[/] — {escape(result['basis'])}")
    elif result.get("leaning"):
        out.print(f"[bold]Kind: not decided yet[/] — the facts lean to {result['leaning']}")
    else:
        out.print("[bold]Kind: not decided yet[/]")
    out.print("Why:")
    for reason in result["reasons"]:
        bullet(out, escape(reason))
    if result.get("source"):
        out.print(
            f"  [dim]{escape(result['source'])}[/]"
            if out.soft_wrap
            else hanging([(" ", f"[dim]{escape(result['source'])}[/]")])
        )
    if result["conflicts"]:
        out.print("[yellow]Contradictions (each says which fact to change):[/]")
        for conflict in result["conflicts"]:
            bullet(out, escape(conflict))
    if result["missing"]:
        if result["kind"] is None and result.get("leaning"):
            out.print("The one question that would settle it:")
        else:
            out.print("Still to find out (the answer could change the kind):")
        for item in result["missing"]:
            bullet(out, f"{escape(item['question'])}  [dim]({item['fact']})[/]")
    if recorded is None:
        return
    deciding = [d for d in result.get("deciding", []) if not d["presumed"]]
    facts = " and ".join(f"`{d['fact']}: {str(d['value']).lower()}`" for d in deciding)
    if result["kind"] is None:
        if recorded in result.get("possible", []) and not result["conflicts"]:
            out.print(
                f"Not decided yet: nothing recorded contradicts {recorded}, the kind the register records; "
                + (
                    "answer the questions above to decide it."
                    if result["missing"]
                    else "the facts fit no kind yet."
                )
            )
        else:
            out.print(
                f"[red]✖[/] The register records it as {recorded}, which the facts recorded contradict: "
                "no answer to the questions still open makes it that."
            )
    elif recorded != result["kind"]:
        if any(d["presumed"] for d in result.get("deciding", [])):
            because = " (its statutory basis settles the formal agreement)"
        else:
            because = f" ({escape(facts)} decide{'s' if len(deciding) == 1 else ''} it)" if facts else ""
        changes = " or ".join(
            f"`{c['fact']}: {str(c['value']).lower()}`" for c in result.get("to_make_recorded", [])
        )
        instead = f"record {escape(changes)} if that is so" if changes else "correct the facts that decide it"
        out.print(
            f"[red]✖[/] The register records it as {recorded}, but the facts make it {result['kind']}{because}: "
            f"change `kind: {result['kind']}`, or {instead}."
        )
    elif result["conflicts"]:
        out.print(
            f"The register records it as {recorded}, which the facts point to, but they contradict each other: "
            "change the facts named above."
        )
    else:
        out.print(f"[green]✔[/] The register records it as {recorded}, which agrees.")
