"""CI check: the test extra resolves every runtime dependency at the version users get.

``pip install .`` and ``pip install '.[test]'`` are resolved (``--dry-run --report``, nothing
installed); a package both install must be at the same version, or the tests run against a
version no user has (python-dateutil 2.9 under test while users got 4.0). Exit 1 names them.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path


def resolve(target: str) -> dict[str, str]:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "install",
                "--dry-run",
                "--ignore-installed",
                "--quiet",
                "--report",
                str(report),
                target,
            ],
            check=True,
        )
        data = json.loads(report.read_text("utf-8"))
    return {
        item["metadata"]["name"].lower().replace("_", "-"): item["metadata"]["version"]
        for item in data["install"]
    }


def main() -> int:
    users, tests = resolve("."), resolve(".[test]")
    differ = {name: (v, tests[name]) for name, v in users.items() if tests.get(name, v) != v}
    for name, (user_version, test_version) in sorted(differ.items()):
        print(f"{name}: pip install . gives {user_version}, the test extra {test_version}")
    if differ:
        return 1
    print(f"the test extra resolves the {len(users)} packages of `pip install .` alike")
    return 0


if __name__ == "__main__":
    sys.exit(main())
