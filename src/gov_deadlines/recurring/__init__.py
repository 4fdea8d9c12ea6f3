"""gov_deadlines.recurring."""
