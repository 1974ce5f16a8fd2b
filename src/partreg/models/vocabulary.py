"""The format's fixed lists of words (kind, status, form, sector, agreement type, level, rating,
review outcome, extension status), and the labels pages give them."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal


class Kind(StrEnum):
    """The four kinds of arrangement the policy defines."""

    PARTNERSHIP = "partnership"
    CONTRACT = "contract"
    JOINT_WORKING = "joint-working"
    COMMUNITY_FUNDING = "community-funding"


KIND_LABELS: dict[Kind, str] = {
    Kind.PARTNERSHIP: "Partnership",
    Kind.CONTRACT: "Contract",
    Kind.JOINT_WORKING: "Joint working",
    Kind.COMMUNITY_FUNDING: "Community funding",
}
#: Each kind in a sentence: "This is a contract", "This is joint working".
KIND_IN_A_SENTENCE: dict[Kind, str] = {
    Kind.PARTNERSHIP: "a partnership",
    Kind.CONTRACT: "a contract",
    Kind.JOINT_WORKING: "joint working",
    Kind.COMMUNITY_FUNDING: "community funding",
}


class Status(StrEnum):
    PROPOSED = "proposed"
    ACTIVE = "active"
    ENDED = "ended"


Form = Literal[
    "shared-service",
    "joint-committee",
    "council-company",
    "joint-venture",
    "trust",
    "charity",
    "tenant-management-organisation",
    "statutory-partnership",
    "business-improvement-district",
    "forum",
    "other",
]
FORM_LABELS: dict[str, str] = {
    "shared-service": "Shared service between councils",
    "joint-committee": "Joint committee of councils",
    "council-company": "Council company",
    "joint-venture": "Joint venture",
    "trust": "Trust",
    "charity": "Charity",
    "tenant-management-organisation": "Tenant management organisation",
    "statutory-partnership": "Statutory partnership",
    "business-improvement-district": "Business improvement district",
    "forum": "Board, forum or group",
    "other": "Other",
}


Sector = Literal["public", "private", "voluntary", "community", "academic", "other"]


AgreementType = Literal[
    "partnership-agreement",
    "memorandum-of-understanding",
    "terms-of-reference",
    "contract",
    "funding-agreement",
    "none",
]


Level = Literal["low", "medium", "high"]
Rating = Literal["substantial", "reasonable", "limited", "weak"]


ReviewOutcome = Literal["continue", "amend", "exit", "reassess", "proposed-for-removal"]
OUTCOME_LABELS: dict[str, str] = {
    "continue": "Continue",
    "amend": "Amend",
    "exit": "Exit",
    "reassess": "Reassess",
    "proposed-for-removal": "Proposed for removal from the register",
}


ExtensionStatus = Literal["available", "taken", "declined"]
