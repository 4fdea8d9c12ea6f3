"""CI check: the package as users and packagers get it.

1. ``python -m build`` makes an sdist and a wheel (in a temporary folder; nothing is written
   into the repository).
2. The wheel, installed in a fresh virtual environment (no system site-packages), runs
   ``gov-deadlines due ogi.reply 2026-09-28`` from a folder outside the repository, with
   ``PYTHONPATH`` unset: the answer must come from the wheel's own data, and the record
   schemas it ships must be the ones in ``docs/schemas/``.
3. The sdist, unpacked outside the repository and installed with its ``test`` extra in a
   second fresh environment, runs its own test suite there (``-x -q``, the ``ci`` hypothesis
   profile). ``../shared`` is not beside the unpacked sdist, so the tests that need it skip
   and say why. pytest's exit code is this script's: 5 (no test ran) fails too.

pip's cache is used as usual (``PIP_CACHE_DIR`` or pip's default), so a second run installs
from it. Exit 0 when all three hold; otherwise the failing step's output and exit 1.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUESTION = ["due", "ogi.reply", "2026-09-28"]
ANSWER = "截止:2026-10-30(周五)24:00"


def clean_env(**extra: str) -> dict[str, str]:
    """This environment without anything that would point Python at the repository."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP"}
        and not k.startswith("GOV_DEADLINES_")
    }
    env.update(extra)
    return env


def run(args: list[str | Path], *, cwd: Path, env: dict[str, str] | None = None) -> str:
    started = time.monotonic()
    shown = " ".join(str(a) for a in args)
    print(f"+ {shown}  (in {cwd})", flush=True)
    done = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env if env is not None else clean_env(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        check=False,
    )
    if done.returncode != 0:
        print(done.stdout[-20000:], done.stderr[-20000:], sep="\n", file=sys.stderr)
        raise SystemExit(f"package check: `{shown}` exited {done.returncode}")
    print(f"  ok in {time.monotonic() - started:.1f} s", flush=True)
    return done.stdout


#: pip's options for the installs: no bytecode compiled up front (about a third of the time
#: of the test extra's big wheels; the tests compile what they import).
PIP = ["-m", "pip", "install", "--quiet", "--no-compile", "--disable-pip-version-check"]


def venv(where: Path) -> Path:
    """A fresh virtual environment (the pip that venv bundles); its python."""
    run([sys.executable, "-m", "venv", where], cwd=where.parent)
    return where / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def check_wheel(wheel: Path, work: Path) -> None:
    python = venv(work / "wheel-env")
    run([python, *PIP, wheel], cwd=work)
    outside = work / "elsewhere"
    outside.mkdir()
    script = python.parent / ("gov-deadlines.exe" if os.name == "nt" else "gov-deadlines")
    out = run([script, *QUESTION], cwd=outside)
    if ANSWER not in out:
        raise SystemExit(f"package check: the installed wheel answered\n{out}")
    print(f"  {' '.join(['gov-deadlines', *QUESTION])}: {ANSWER}")
    # Where the answer came from, and the schemas the wheel carries.
    probe = (
        "import json, gov_deadlines\n"
        "from importlib import resources\n"
        "folder = resources.files('gov_deadlines') / 'data' / 'schemas'\n"
        "print(json.dumps({'file': gov_deadlines.__file__, 'version': gov_deadlines.__version__,\n"
        "                  'schemas': sorted(p.name for p in folder.iterdir())}))\n"
    )
    found = json.loads(run([python, "-c", probe], cwd=outside))
    if Path(found["file"]).resolve().is_relative_to(ROOT):
        raise SystemExit(f"package check: gov_deadlines was imported from {found['file']}")
    shipped = sorted(p.name for p in (ROOT / "docs" / "schemas").glob("*.json"))
    if found["schemas"] != shipped:
        raise SystemExit(
            f"package check: the wheel ships schemas {found['schemas']}, docs/ has {shipped}"
        )
    print(f"  version {found['version']}, {len(shipped)} record schemas in the wheel")


def check_sdist(sdist: Path, work: Path) -> None:
    unpacked = work / "sdist"
    with tarfile.open(sdist) as archive:
        archive.extractall(unpacked, filter="data")
    (project,) = unpacked.iterdir()
    python = venv(work / "sdist-env")
    run([python, *PIP, f"{project}[test]"], cwd=work)
    env = clean_env(HYPOTHESIS_PROFILE="ci")
    out = run(
        [python, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider"], cwd=project, env=env
    )
    lines = out.strip().splitlines() or ["(no output)"]
    # what skipped and why (pytest -ra): the tests that need ../shared name it
    for line in lines:
        if line.startswith("SKIPPED"):
            print("  " + line)
    print("  " + lines[-1])


def main() -> int:
    # .ci/run stops this check (SIGTERM) when a step beside it fails: leave by an exception,
    # so that subprocess.run kills the step running now (pytest in the sdist) and the
    # temporary folder is removed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="gov-deadlines-package-") as tmp:
        work = Path(tmp)
        dist = work / "dist"
        run([sys.executable, "-m", "build", "--outdir", dist, ROOT], cwd=work)
        (wheel,) = dist.glob("*.whl")
        (sdist,) = dist.glob("*.tar.gz")
        print(f"  built {wheel.name} and {sdist.name}")
        check_wheel(wheel, work)
        check_sdist(sdist, work)
        shutil.rmtree(dist)
    print(f"package check passed in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
