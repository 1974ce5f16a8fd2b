"""Export: the register's statutory and open-data publications for a period (the Transparency
Code's contracts and grants, a 360Giving package).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from partreg.app.register import Loaded
from partreg.errors import PartregError, UsageError
from partreg.history import last_changed
from partreg.models import Arrangement, Settings
from partreg.opendata import Package, Period, Table, giving_package, giving_withheld

#: A Transparency Code table of entries for a period (``opendata.transparency_contracts``, ...).
TableOf = Callable[[Iterable[Arrangement], Settings, Period], Table]


def period(start: dt.date | None, end: dt.date | None) -> Period:
    """The period from ``start`` to ``end`` (either open); a usage mistake where it ends first."""
    if start is not None and end is not None and start > end:
        raise UsageError(f"--from {start} is after --to {end}: give the period's first day, then its last")
    return Period(start, end)


def transparency_table(register: Loaded, table_of: TableOf, within: Period) -> Table:
    """A Transparency Code table of the register's entries for the period."""
    return table_of(register.entries, register.settings, within)


def giving(register: Loaded, within: Period) -> Package:
    """The register's grants for the period as a 360Giving package; refused where the settings
    lack the council's identifiers, or no grant can be published."""
    settings = register.settings
    unset = [name for name in ("org_id", "giving_prefix") if getattr(settings.exports, name) is None]
    if unset:
        raise PartregError(
            f"360Giving needs {' and '.join(f'exports.{n}' for n in unset)} in partreg.yaml: the council's "
            "org-id (e.g. GB-LAE-BRW, from org-id.guide) and its 360Giving publisher prefix (e.g. 360G-brentwood)"
        )
    if withheld := giving_withheld(settings):
        raise PartregError(f"no 360Giving package: {withheld}; nothing was written")
    return giving_package(register.entries, settings, last_changed(register.root, precise=True), within)
