"""How significant an arrangement is: by the council's own tests in ``partreg.yaml``, and by an officer.

Councils' partnership frameworks sort arrangements by significance with tests
of their own: Gravesham counts a partnership significant when the council puts
in £50,000 or more, or it is statutory; Chorley when it puts in £100,000 a year
and it meets three of five criteria. ``partreg.yaml`` states such tests
(``significance: tests``, ``high_when``); an entry that passes them is ``high``,
others the settings' ``otherwise`` level. An officer may record another level
in the entry, with the reason: the assessment keeps both, and says which is
used and why. No I/O: entries and settings in, an assessment out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from partreg.models import Arrangement, Level, Settings, SignificanceSettings, total_pounds


@dataclass(frozen=True)
class Assessment:
    """An arrangement's significance: the level used, and how it was reached."""

    #: The level used: the officer's, where recorded, else the tests'; ``None`` where neither says.
    level: Level | None
    #: What the council's tests give (``None`` where the register has no tests).
    computed: Level | None = None
    #: The officer's level, where the entry records one.
    recorded: Level | None = None
    #: The officer's reason, where recorded.
    reason: str | None = None
    #: The tests met, by id, and in the council's words.
    met: list[str] = field(default_factory=list)
    said: list[str] = field(default_factory=list)

    @property
    def overridden(self) -> bool:
        """The officer's level differs from the tests'."""
        return self.recorded is not None and self.computed is not None and self.recorded != self.computed

    def explain(self) -> str:
        """How the level was reached, for a page or a listing: ``by the council's tests: council
        resources of £50,000 or more a year``, or ``the officer's assessment: <reason>; the council's
        tests give low``."""
        if self.level is None:
            return ""
        tests = "; ".join(self.said) if self.said else "none of them met"
        if self.recorded is None:
            return f"by the council's tests: {tests}"
        if self.computed is None:
            return f"the officer's assessment{': ' + self.reason if self.reason else ''}"
        if not self.overridden:
            return f"by the council's tests: {tests}" + (
                f"; the officer: {self.reason}" if self.reason else ""
            )
        why = f": {self.reason}" if self.reason else " (no reason recorded)"
        return f"the officer's assessment{why}; the council's tests give {self.computed}"


def council_money_a_year(entry: Arrangement) -> float | None:
    """The most the council puts in in one year, as far as the entry says: its contributions of a
    year (cash, in kind and loans), ``resources.council.funding_gbp``, or a contract's annual value."""
    amounts: list[float] = []
    by_year: dict[str, float] = {}
    for c in entry.contributions:
        if c.by is not None and c.by.strip().casefold() == "council":
            key = c.year or ""
            by_year[key] = total_pounds(
                [by_year.get(key, 0), *(x or 0 for x in (c.cash_gbp, c.in_kind_gbp, c.loan_gbp))]
            )
    amounts.extend(by_year.values())
    if entry.resources and entry.resources.council and entry.resources.council.funding_gbp is not None:
        amounts.append(entry.resources.council.funding_gbp)
    if entry.contract and entry.contract.annual_value_gbp is not None:
        amounts.append(entry.contract.annual_value_gbp)
    return max(amounts) if amounts else None


def tests_met(entry: Arrangement, tests: SignificanceSettings) -> list[str]:
    """The ids of the tests ``entry`` meets, in the settings' order."""
    named = set(entry.significance.meets) if entry.significance else set()
    money = council_money_a_year(entry)
    met = []
    for name, test in tests.tests.items():
        conditions = []
        if test.council_gbp_a_year is not None:
            conditions.append(money is not None and money >= test.council_gbp_a_year)
        if test.statutory is not None:
            conditions.append(bool(entry.statutory) == test.statutory)
        if name in named or (conditions and all(conditions)):
            met.append(name)
    return met


def assess(entry: Arrangement, settings: Settings | None) -> Assessment:
    """``entry``'s significance: the officer's level where recorded, else the council's tests'."""
    recorded = entry.significance.level if entry.significance else None
    reason = entry.significance.reason if entry.significance else None
    tests = settings.significance if settings else None
    if tests is None or not tests.tests:
        return Assessment(recorded, None, recorded, reason)
    met = tests_met(entry, tests)
    required = set(tests.high_when.required)
    passes = required <= set(met) and len([m for m in met if m not in required]) >= tests.high_when.at_least
    computed: Level = "high" if passes else tests.otherwise
    said = [tests.tests[m].description or m for m in met]
    return Assessment(recorded or computed, computed, recorded, reason, met, said)
