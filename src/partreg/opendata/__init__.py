"""The statutory and open-data publications built from the register: the Local Government
Transparency Code 2015's contracts over £5,000 and grants to voluntary, community and social
enterprise organisations (:mod:`.transparency`), a 360Giving Data Standard package of grants
(:mod:`.giving`), and the files of these a published site carries (:mod:`.siteexports`).

Every publication is built from public entries only (:func:`partreg.export.public_entries`), so a
field the settings keep internal is never published: its column is left empty. What is not recorded
is ``None`` (an empty cell), and each row says which register fields it lacks, for the command's
summary. No I/O here: the caller passes the entries, the settings, the period and the dates
each file last changed in git.
"""

from partreg.opendata.giving import Package, giving_package, giving_withheld, left_out_lines
from partreg.opendata.grants import grants
from partreg.opendata.siteexports import SiteExport, site_exports
from partreg.opendata.tables import Period, Table, table_csv
from partreg.opendata.transparency import transparency_contracts, transparency_grants

__all__ = [
    "Package",
    "Period",
    "SiteExport",
    "Table",
    "giving_package",
    "giving_withheld",
    "grants",
    "left_out_lines",
    "site_exports",
    "table_csv",
    "transparency_contracts",
    "transparency_grants",
]
