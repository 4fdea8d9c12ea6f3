"""``python -m gov_deadlines``: the clerk's command line."""

from __future__ import annotations

import sys

from gov_deadlines.cli import main

sys.exit(main())
