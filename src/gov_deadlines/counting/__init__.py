"""gov_deadlines.counting."""
