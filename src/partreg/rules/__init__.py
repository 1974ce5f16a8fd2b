"""Every rule partreg has, listed explicitly: the file and load rules first, then the content rules."""

from __future__ import annotations

from partreg.lint import Rule
from partreg.rules import (
    characteristics_conflict,
    contract_missing_details,
    disable_unknown_rule,
    disable_without_reason,
    duplicate_id,
    duplicate_key,
    empty_file,
    end_before_start,
    ended_without_end,
    ending_without_exit_plan,
    exit_strategy_missing,
    file_encoding,
    file_too_large,
    funding_missing_details,
    id_mismatch,
    invalid_value,
    joint_working_missing_purpose,
    kind_mismatch,
    missing_field,
    multiple_documents,
    no_review_history,
    not_a_mapping,
    outcome_not_measurable,
    partnership_missing_added_value,
    partnership_missing_objectives,
    partnership_missing_outcomes,
    partnership_missing_resources,
    partnership_missing_risks,
    partnership_missing_timescale,
    partnership_without_priority,
    personal_data,
    review_overdue,
    risk_without_mitigation,
    statutory_without_basis,
    unknown_key,
    unknown_priority,
    unreadable_file,
    wrong_type,
    yaml_syntax,
    yaml_tag,
)

ALL: tuple[Rule, ...] = (
    # the file and its YAML
    unreadable_file.RULE,
    file_too_large.RULE,
    file_encoding.RULE,
    empty_file.RULE,
    yaml_syntax.RULE,
    duplicate_key.RULE,
    yaml_tag.RULE,
    multiple_documents.RULE,
    not_a_mapping.RULE,
    # the format
    unknown_key.RULE,
    missing_field.RULE,
    invalid_value.RULE,
    wrong_type.RULE,
    id_mismatch.RULE,
    duplicate_id.RULE,
    # the policy's six agreed elements, and what each kind needs
    partnership_missing_objectives.RULE,
    partnership_missing_resources.RULE,
    partnership_missing_outcomes.RULE,
    partnership_missing_added_value.RULE,
    partnership_missing_risks.RULE,
    partnership_missing_timescale.RULE,
    contract_missing_details.RULE,
    funding_missing_details.RULE,
    joint_working_missing_purpose.RULE,
    # what the arrangement is, by the policy's definitions
    kind_mismatch.RULE,
    characteristics_conflict.RULE,
    # quality of what is recorded
    outcome_not_measurable.RULE,
    unknown_priority.RULE,
    partnership_without_priority.RULE,
    end_before_start.RULE,
    ended_without_end.RULE,
    statutory_without_basis.RULE,
    risk_without_mitigation.RULE,
    exit_strategy_missing.RULE,
    personal_data.RULE,
    # reviews, by the date of the run
    review_overdue.RULE,
    no_review_history.RULE,
    ending_without_exit_plan.RULE,
    # configuration in the files themselves
    disable_without_reason.RULE,
    disable_unknown_rule.RULE,
)

BY_ID: dict[str, Rule] = {rule.id: rule for rule in ALL}
