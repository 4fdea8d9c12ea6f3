"""gov_deadlines.calendar."""
