"""Developer tools of the repository (not shipped in the wheel): run as ``python -m tools.X``."""
