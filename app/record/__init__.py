"""The incident's record: approvals, issued statements, what changed between them,
the timeline, and the checks that stop a new statement contradicting an earlier one."""
