"""A seeded generator of realistic registers of any size, for `make bench`.

    python bench/generate.py OUT --count 10000 --broken 0.1 --seed 1

Writes OUT/partreg.yaml and OUT/register/<id>.yaml: all four kinds, comments,
block and flow styles, quoted and plain text, about 55 lines a file; a
fraction ``--broken`` of files carry one fault each (a syntax error, an
unknown key, a wrong type, a missing field, a bad date, a duplicate key).
Review dates are recent as of 2026-01-01, which the benchmark passes as
``--as-of``, so valid files lint with no problem at all.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

SETTINGS = """\
council: Benchmark Borough Council
title: Partnership Register
priorities:
  growing-our-economy: Growing our economy
  protecting-our-environment: Protecting our environment
  developing-our-communities: Developing our communities
  improving-housing: Improving housing
  efficient-and-effective-council: Delivering an efficient and effective council
review:
  default_months: 12
"""
PRIORITIES = [
    "growing-our-economy",
    "protecting-our-environment",
    "developing-our-communities",
    "improving-housing",
    "efficient-and-effective-council",
]
SERVICES = [
    "Community Safety",
    "Environment",
    "Leisure",
    "Housing",
    "Economic Development",
    "Community Services",
]
BODIES = [
    "Essex Police",
    "Essex County Council",
    "Citizens Advice",
    "NHS Mid and South Essex",
    "Rochford District Council",
    "Brentwood MIND",
    "Voluntary Action",
    "Essex County Fire and Rescue Service",
    "Anglia Ruskin University",
]
SECTORS = ["public", "private", "voluntary", "community", "academic"]
WORDS = [
    "safer",
    "streets",
    "joint",
    "working",
    "residents",
    "support",
    "housing",
    "advice",
    "town",
    "centre",
    "employment",
    "skills",
    "climate",
    "waste",
    "recycling",
    "young",
    "people",
    "older",
    "people",
    "health",
    "wellbeing",
    "transport",
    "planning",
    "culture",
    "sport",
]


def sentence(rng: random.Random, n: int = 8) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(n))
    return text[0].upper() + text[1:] + "."


def date(rng: random.Random, year: int) -> str:
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def partners(rng: random.Random, flow: bool) -> str:
    chosen = rng.sample(BODIES, rng.randint(1, 4))
    if flow:
        return "partners:\n" + "".join(f"  - {{name: {b}, sector: {rng.choice(SECTORS)}}}\n" for b in chosen)
    return "partners:\n" + "".join(f"  - name: {b}\n    sector: {rng.choice(SECTORS)}\n" for b in chosen)


def entry(rng: random.Random, i: int) -> tuple[str, str]:
    kind = rng.choices(["partnership", "contract", "joint-working", "community-funding"], [4, 3, 1, 2])[0]
    ident = f"{kind}-{i:06d}"
    flow = rng.random() < 0.4
    quote = '"' if rng.random() < 0.3 else ""
    lines = [
        f"# {ident}: generated for the benchmark (seeded)",
        f"id: {ident}",
        f"title: {quote}{sentence(rng, 5)[:-1]} {i}{quote}",
        f"kind: {kind}   # one of the four kinds",
        "status: active",
        f"summary: >-\n  {sentence(rng, 12)}\n  {sentence(rng, 10)}",
        "lead:",
        f"  role: {rng.choice(SERVICES)} Manager",
        f"  service: {rng.choice(SERVICES)}",
        f"priorities: [{', '.join(rng.sample(PRIORITIES, rng.randint(1, 2)))}]",
        partners(rng, flow).rstrip("\n"),
    ]
    if kind == "partnership":
        lines += [
            "agreement:",
            "  type: partnership-agreement",
            f"  reference: PA-{i}",
            f"  date: {date(rng, 2023)}",
            "characteristics:",
            "  formal_agreement: true\n  shared_objectives: true\n  shared_responsibility: true",
            "  independent_partners: true\n  council_sole_procurer: false\n  council_funds_fixed_period: false",
            "  discussion_forum: false\n  agreed_outcomes: true",
            f"objectives:\n  - {sentence(rng, 6)}\n  - {sentence(rng, 5)}",
            "outcomes:",
            f"  - description: {sentence(rng, 6)}",
            f"    measure: {rng.choice(WORDS)} per year",
            f"    target: {rng.randint(5, 30)}% more than 2024",
            f"    by: {date(rng, 2027)}",
            "resources:",
            f"  council: {{funding_gbp: {rng.randint(1, 200) * 1000}, staff: {rng.choice(['0.5', '1', '0.2'])} FTE}}",
            f"  partners: {sentence(rng, 6)}",
            f"added_value: {sentence(rng, 9)}",
            "risks:",
            f"  - description: {sentence(rng, 6)}",
            f"    likelihood: {rng.choice(['low', 'medium', 'high'])}",
            f"    impact: {rng.choice(['low', 'medium', 'high'])}",
            f"    mitigation: {sentence(rng, 7)}",
        ]
    elif kind == "contract":
        lines += [
            "characteristics: {council_sole_procurer: true, provider_profit_motive: true, shared_objectives: false}",
            "contract:",
            f"  reference: CON-{i}",
            f"  value_gbp: {rng.randint(10, 5000) * 1000}",
            "  procurement_route: Open tender",
        ]
    elif kind == "community-funding":
        lines += [
            "characteristics:\n  council_funds_fixed_period: true\n  council_sole_procurer: false",
            "funding:",
            f"  amount_gbp: {rng.randint(1, 50) * 100}",
            "  period_start: 2025-04-01",
            "  period_end: 2026-03-31",
            f"  actions:\n    - {sentence(rng, 6)}\n    - {sentence(rng, 5)}",
        ]
    else:
        lines += ["characteristics: {discussion_forum: true, formal_agreement: false}"]
    lines += [
        f"start: {date(rng, rng.randint(2015, 2024))}",
        "end: null",
        "review:",
        "  months: 12   # annual",
        "  history:",
        f"    - date: {date(rng, 2025)}",
        "      outcome: continue",
        f"      by: {rng.choice(SERVICES)} Manager",
        f"      notes: '{sentence(rng, 6)}'",
        "links:",
        f"  - title: Terms of reference\n    url: https://example.org/{ident}",
        "internal:",
        f"  notes: {sentence(rng, 8)}",
    ]
    return ident, "\n".join(lines) + "\n"


FAULTS = [
    lambda text: text.replace("status: active", "status: [active", 1),  # syntax
    lambda text: text.replace("summary:", "sumary:", 1),  # unknown key
    lambda text: text.replace("months: 12", "months: twelve", 1),  # wrong type
    lambda text: text.replace("lead:\n", "lead:\n  member: Cllr\n", 1).replace(
        "  service:", "  servce:", 1
    ),  # unknown + missing
    lambda text: text.replace("start: ", "start: 1/", 1),  # bad date
    lambda text: text.replace("status: active", "status: active\nstatus: ended", 1),  # duplicate key
]


REVIEW_OVERDUE = lambda text: text.replace("    - date: 2025-", "    - date: 2023-", 1)  # noqa: E731
START_NOT_RECORDED = lambda text: "".join(  # noqa: E731
    line for line in text.splitlines(True) if not line.startswith("start: ")
)
#: One fault each that lint reports as an error, leaving the file readable (the schema's and the
#: rules'), with the faults that lint reports as a warning that can go with it.
ERRORS = [
    (
        lambda text: text.replace("summary:", "sumary:", 1),
        [REVIEW_OVERDUE, START_NOT_RECORDED],
    ),  # unknown-key
    (lambda text: text.replace("  role:", "  rle:", 1), [REVIEW_OVERDUE, START_NOT_RECORDED]),  # nested
    (lambda text: text.replace("status: active", "status: actve", 1), [START_NOT_RECORDED]),  # invalid-value
    (lambda text: text.replace("sector: ", "sector: goverment-", 1), [REVIEW_OVERDUE, START_NOT_RECORDED]),
    (lambda text: text.replace("months: 12", "months: twelve", 1), [START_NOT_RECORDED]),  # wrong-type
    (lambda text: text.replace("start: ", "start: 1/", 1), [REVIEW_OVERDUE]),  # wrong-type: not a date
]


def with_problems(text: str, rng: random.Random) -> str:
    """``text`` with one error and one warning, each chosen from those above."""
    error, warnings = rng.choice(ERRORS)
    return rng.choice(warnings)(error(text))


def generate(out: Path, count: int, broken: float, seed: int, problems: bool = False) -> None:
    rng = random.Random(seed)
    (out / "register").mkdir(parents=True, exist_ok=True)
    (out / "partreg.yaml").write_text(SETTINGS)
    for i in range(count):
        ident, text = entry(rng, i)
        if problems:
            text = with_problems(text, rng)
        elif rng.random() < broken:
            text = rng.choice(FAULTS)(text)
        (out / "register" / f"{ident}.yaml").write_text(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--broken", type=float, default=0.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--problems", action="store_true", help="every file with one error and one warning")
    args = parser.parse_args()
    generate(args.out, args.count, args.broken, args.seed, args.problems)


if __name__ == "__main__":
    main()
