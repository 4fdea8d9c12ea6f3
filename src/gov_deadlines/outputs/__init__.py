"""gov_deadlines.outputs."""
