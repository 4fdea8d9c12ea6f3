"""The ``gov-deadlines`` command line (see ``docs/cli.md``).

Each command lives in its own module under this package; :mod:`.app` builds the parser,
runs the command, and turns every error into a message and an exit code:
0 success (and on time), 1 a check found a missed deadline, 2 bad input or usage.
"""

from __future__ import annotations

from gov_deadlines.cli.app import main

__all__ = ["main"]
