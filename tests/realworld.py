"""A register as real councils' registers are: the incomplete fixture's honest gaps, and what the
published page must also hold up under (a partnership of 17 bodies, sums in the millions, an
expired contract still marked active, overdue reviews), kept in a real git repository whose
history holds an addition, a review recorded with `partreg review` and an amendment."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.common import REPO, run_partreg

INCOMPLETE = REPO / "tests" / "fixtures" / "incomplete-register"

COUNTY_SAFETY = """\
id: kent-community-safety-agreement
title: Kent and Medway Community Safety Agreement Partnership
kind: partnership
status: active
summary: County-wide statutory partnership of every community safety partner in Kent and Medway.
lead:
  role: Head of Community Safety and Environmental Services
  service: Environmental Services
  member: Cllr Alexandra Montgomery-Fotheringham, Portfolio Holder for Community Safety
statutory: true
priorities: [safer-communities]
partners:
  - {name: Kent Police, sector: public}
  - {name: Kent Fire and Rescue Service, sector: public}
  - {name: Kent County Council, sector: public}
  - {name: Medway Council, sector: public}
  - {name: NHS Kent and Medway Integrated Care Board, sector: public}
  - {name: Kent Surrey and Sussex Community Rehabilitation Company, sector: public}
  - {name: 'National Probation Service (Kent, Surrey and Sussex)', sector: public}
  - {name: Office of the Kent Police and Crime Commissioner, sector: public}
  - {name: Ashford Borough Council, sector: public}
  - {name: Canterbury City Council, sector: public}
  - {name: Dartford Borough Council, sector: public}
  - {name: Dover District Council, sector: public}
  - {name: Folkestone and Hythe District Council, sector: public}
  - {name: Maidstone Borough Council, sector: public}
  - {name: Sevenoaks District Council, sector: public}
  - {name: Swale Borough Council, sector: public}
  - {name: Thanet District Council, sector: public}
resources:
  council: {funding_gbp: 12345678.9}
start: 2011-04
review:
  history:
    - {date: 2024-01-15, outcome: amend, by: Head of Community Safety}
"""

WASTE_CONTRACT = """\
id: waste-collection-contract
title: Waste collection and recycling contract
kind: contract
status: active
summary: Kerbside collection of household waste and recycling, let after a competitive tender.
lead:
  role: Waste Contracts Manager
  service: Environmental Services
partners:
  - {name: Veolia ES (UK) Ltd, sector: private}
contract:
  reference: ENV-2018-004
  annual_value_gbp: 4250000
  whole_life_value_gbp: 34000000
start: 2018-04-01
end: 2026-03-31
internal:
  notes: Contract expired in March; extension under negotiation.
"""

SMALL_GRANT = """\
id: warm-spaces-grant
title: Warm spaces grant
kind: community-funding
status: active
summary: Funding for community centres to open as warm spaces in winter.
lead:
  service: Communities
partners:
  - {name: Riverside Community Association, sector: community}
funding:
  amount_gbp: 750
  period_start: 2025-11-01
  period_end: 2026-03-31
  actions: [Open three afternoons a week from November to March]
start: 2025-11
"""

#: Days of the history, so that the feed's order and dates are known.
DAYS = ("2025-01-10T09:00:00+00:00", "2025-06-30T10:00:00+01:00", "2025-09-15T11:30:00+01:00")


def git(root: Path, *args: str, day: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Register Officer",
        "GIT_AUTHOR_EMAIL": "register@example.gov.uk",
        "GIT_COMMITTER_NAME": "Register Officer",
        "GIT_COMMITTER_EMAIL": "register@example.gov.uk",
        "GIT_AUTHOR_DATE": day,
        "GIT_COMMITTER_DATE": day,
    }
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def real_world_register(root: Path) -> Path:
    """The register at ``root`` (a new folder), with its git history; returns ``root``."""
    shutil.copytree(INCOMPLETE, root)
    (root / "register" / "kent-community-safety-agreement.yaml").write_text(COUNTY_SAFETY)
    (root / "register" / "waste-collection-contract.yaml").write_text(WASTE_CONTRACT)
    git(root, "init", "-q", "-b", "main", day=DAYS[0])
    git(root, "add", "-A", day=DAYS[0])
    git(root, "commit", "-q", "-m", "The register as transcribed", day=DAYS[0])
    result = run_partreg(
        root,
        "review",
        "kent-community-safety-agreement",
        "--outcome",
        "continue",
        "--date",
        "2025-06-30",
        "--by",
        "Community Safety Partnership Board",
        "--notes",
        "Action plan refreshed.",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    git(root, "commit", "-q", "-am", "Review of the community safety agreement", day=DAYS[1])
    (root / "register" / "warm-spaces-grant.yaml").write_text(SMALL_GRANT)
    git(root, "add", "-A", day=DAYS[2])
    git(root, "commit", "-q", "-m", "Warm spaces grant", day=DAYS[2])
    return root
