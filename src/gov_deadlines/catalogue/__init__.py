"""gov_deadlines.catalogue."""
