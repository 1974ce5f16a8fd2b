"""Problems and records for programs: ``path:line:col`` lines, JSON, SARIF, GitHub Actions'
workflow commands, and CSV. Never colour, never rich: a CI run's lint loads none of it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from itertools import groupby
from typing import Any, TextIO
from urllib.parse import quote

from partreg.export import csv_writer, spreadsheet_safe
from partreg.models import UNSHOWN, plural, visible
from partreg.problems import Problem, Rule, Severity
from partreg.report.text import cell


def problems_parsable(problems: Iterable[Problem], out: TextIO) -> None:
    """``path:line:col: [severity] message (rule-id)``, one per line."""
    for p in problems:
        message = p.message.replace("\n", " ")
        out.write(visible(f"{p.path}:{p.line}:{p.column}: [{p.severity}] {message} ({p.rule})") + "\n")


def problems_json(problems: Sequence[Problem], files: int, out: TextIO) -> None:
    errors = sum(p.severity is Severity.ERROR for p in problems)
    document = {
        "version": 1,
        "summary": {"files": files, "errors": errors, "warnings": len(problems) - errors},
        "results": [p.as_dict() for p in problems],
    }
    as_json(document, out)


def _gh_data(text: str) -> str:
    """Escape a workflow command's message, as GitHub's Actions toolkit does (and control characters)."""
    return visible(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def problems_github(
    problems: Sequence[Problem], files: int, out: TextIO, summary: TextIO | None, here: str = ""
) -> None:
    """GitHub Actions workflow commands: one annotation a problem, grouped by file.

    GitHub shows only ten annotations of each kind per step, so the whole
    table also goes to the job summary (``$GITHUB_STEP_SUMMARY``) when given.
    An annotation names its file from the repository's root, as GitHub places it: ``here`` is the
    folder lint ran in, from that root (``register`` where it ran in ``register/``).
    """
    for path, group in groupby(problems, key=lambda p: p.path):
        out.write(f"::group::{_gh_data(path)}\n")
        located = os.path.normpath(os.path.join(here, path)) if here and not os.path.isabs(path) else path
        for p in group:
            command = "error" if p.severity is Severity.ERROR else "warning"
            out.write(
                f"::{command} file={_gh_property(located)},line={p.line},col={p.column},"
                f"title={_gh_property(p.rule)}::{_gh_data(p.message)}\n"
            )
        out.write("::endgroup::\n")
    errors = sum(p.severity is Severity.ERROR for p in problems)
    out.write(
        f"{plural(errors, 'error')}, {plural(len(problems) - errors, 'warning')} in {plural(files, 'file')}\n"
    )
    if summary is None:
        return
    summary.write(
        f"### partreg lint: {plural(errors, 'error')}, {plural(len(problems) - errors, 'warning')}\n\n"
    )
    if not problems:
        summary.write(f"{plural(files, 'file')} checked, no problems.\n")
        return
    summary.write("| file | line | severity | rule | problem |\n| --- | --- | --- | --- | --- |\n")
    for p in problems:
        cells = [p.path, f"{p.line}:{p.column}", str(p.severity), f"`{p.rule}`", p.message]
        summary.write("| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |\n")


SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def problems_sarif(problems: Sequence[Problem], rules: Sequence[Rule], version: str, out: TextIO) -> None:
    """SARIF 2.1.0: the rule catalogue with its help, and one result a problem."""
    index = {rule.id: i for i, rule in enumerate(rules)}
    level = {Severity.ERROR: "error", Severity.WARNING: "warning"}
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "partreg",
                        "version": version,
                        "rules": [
                            {
                                "id": rule.id,
                                "name": "".join(part.capitalize() for part in rule.id.split("-")),
                                "shortDescription": {"text": rule.summary},
                                "fullDescription": {"text": rule.doc.strip()},
                                "help": {"text": rule.doc.strip(), "markdown": rule.doc.strip()},
                                "defaultConfiguration": {"level": level[rule.severity]},
                            }
                            for rule in rules
                        ],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [
                    {
                        "ruleId": p.rule,
                        **({"ruleIndex": index[p.rule]} if p.rule in index else {}),
                        "level": level[p.severity],
                        "message": {"text": p.message},
                        "locations": [
                            {
                                "physicalLocation": {
                                    "artifactLocation": {
                                        "uri": quote(p.path.replace("\\", "/")),
                                        "uriBaseId": "%SRCROOT%",
                                    },
                                    "region": {"startLine": p.line, "startColumn": p.column},
                                }
                            }
                        ],
                    }
                    for p in problems
                ],
            }
        ],
    }
    as_json(document, out)


def records_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str], out: TextIO) -> None:
    writer = csv_writer(out, "\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_cell(row.get(c)) for c in columns])


def _csv_cell(value: Any) -> Any:
    """A number as a number (a day count before today included: ``-12``, not ``'-12``); anything
    else as the text a table shows, safe for a spreadsheet."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return cell(value)
    return spreadsheet_safe(cell(value))


def as_json(value: Any, out: TextIO) -> None:
    """``value`` as JSON, readable (UTF-8, indented), every control character and bidirectional
    override escaped: JSON escapes only those below U+0020 itself, and DEL, a C1 control or an
    override would act on a terminal."""
    text = json.dumps(value, indent=2, ensure_ascii=False, default=str)
    out.write(UNSHOWN.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")
