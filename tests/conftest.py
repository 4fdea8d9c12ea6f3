"""Shared test configuration.

Hypothesis profiles (choose one with the ``HYPOTHESIS_PROFILE`` environment variable):

* ``dev`` (the default): Hypothesis's usual number of examples, no per-example deadline
  (timing never decides a test here), random exploration.
* ``ci``: more examples, no deadline, derandomized and without the example database so that a
  run is reproducible, and the reproduction blob printed for any failure.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("dev", deadline=None)
settings.register_profile(
    "ci",
    max_examples=200,
    deadline=None,
    derandomize=True,
    print_blob=True,
    database=None,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
