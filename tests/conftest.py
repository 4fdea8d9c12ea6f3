"""Shared test configuration.

Hypothesis profiles (choose one with the ``HYPOTHESIS_PROFILE`` environment variable):

* ``dev`` (the default): Hypothesis's usual number of examples, no per-example deadline
  (timing never decides a test here), random exploration.
* ``ci``: more examples, no deadline, derandomized and without the example database so that a
  run is reproducible, and the reproduction blob printed for any failure.
* ``random``: a random seed and five times the ``ci`` examples, without the example database.
  ``.ci/run`` runs the property tests (``-m hypothesis``) once more with it, after the ``ci``
  run, passing ``--hypothesis-seed`` and printing the seed: a law that holds only for the
  derandomized examples (a DST fold, a leap day) is caught there, and the printed seed and
  blob reproduce it.
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
settings.register_profile(
    "random",
    max_examples=1000,
    deadline=None,
    derandomize=False,
    print_blob=True,
    database=None,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
