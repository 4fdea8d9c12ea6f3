"""The audit's outputs on two fixed inputs, for the byte-identity test of issue 14.

The inputs: ``docs/audit-example.csv`` and ``cases-10000.csv.gz`` beside this file (10,000
cases written by ``benchmarks/case_mix.py``, seed 14, kept as a file so that a change to the
generator cannot change the fixture). The outputs: every format of ``gov-deadlines audit``
(per-case CSV, JSON Lines with and without explanations, the Markdown summary, the
supervision form as Markdown and CSV, the ``--json`` summary) in Chinese and English, the
other rest-day policy and the provisional calendar, and the library's paths (``audit_cases``
over mappings, with and without an audit day).

``digests.json`` holds the SHA-256 of each output; ``test_outputs_are_byte_identical.py``
recomputes them. After a change that is meant to change an output (a fixed defect, a new
field), regenerate and say why in the commit message::

    PYTHONPATH=$PWD/src python tests/cases/golden/make_golden.py --update [--out DIR]

``--out DIR`` also writes the outputs themselves (to diff two versions of the code).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import gzip
import hashlib
import io
import json
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
EXAMPLE = ROOT / "docs" / "audit-example.csv"
GENERATED = HERE / "cases-10000.csv.gz"
DIGESTS = HERE / "digests.json"
AS_OF = "2026-11-20"
EXAMPLE_AS_OF = "2026-06-30"

#: Each run: a name, the arguments after the input file, and the suffix of the output file
#: it writes ("": the run prints to stdout).
_PLAIN: tuple[tuple[str, str], ...] = (
    ("csv", ".csv"),
    ("jsonl", ".jsonl"),
    ("markdown", ".md"),
    ("form", ".md"),
    ("form_csv", ".csv"),
)
RUNS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    *(
        (f"{fmt}-{lang}", ("--format", fmt.split("_")[0], "--lang", lang), ext)
        for lang in ("zh", "en")
        for fmt, ext in _PLAIN
    ),
    ("jsonl_explain-zh", ("--format", "jsonl", "--explain", "--lang", "zh"), ".jsonl"),
    ("jsonl_explain-en", ("--format", "jsonl", "--explain", "--lang", "en"), ".jsonl"),
    ("csv-zh-as-recorded", ("--format", "csv", "--receipt-as-recorded"), ".csv"),
    (
        "jsonl-en-as-recorded",
        ("--format", "jsonl", "--receipt-as-recorded", "--lang", "en"),
        ".jsonl",
    ),
    ("csv-zh-provisional", ("--provisional", "--format", "csv"), ".csv"),
    ("markdown-en-provisional", ("--provisional", "--format", "markdown", "--lang", "en"), ".md"),
    ("csv-en-warn-10", ("--format", "csv", "--warn-within", "10", "--lang", "en"), ".csv"),
    ("summary-json-zh", ("--format", "markdown", "--json"), ""),
    ("summary-json-en", ("--format", "markdown", "--json", "--lang", "en"), ""),
)


@contextlib.contextmanager
def _input(name: str) -> Iterator[Path]:
    if name == "example":
        yield EXAMPLE
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "cases.csv"
        path.write_bytes(gzip.decompress(GENERATED.read_bytes()))
        yield path


def _cli(source: Path, as_of: str, args: tuple[str, ...], ext: str) -> bytes:
    from gov_deadlines.cli import main

    out, err = io.StringIO(), io.StringIO()
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / f"out{ext}"
        argv = ["audit", str(source), "--as-of", as_of, *args]
        if ext:
            argv += ["--output", str(target)]
        code = main(argv, stdout=out, stderr=err)
        body = target.read_bytes() if ext else out.getvalue().encode("utf-8")
    return f"exit {code}\n".encode() + body


def _library(source: Path, as_of: str | None, lang: str, fmt: str) -> bytes:
    import datetime as dt

    from gov_deadlines.cases import audit_cases
    from gov_deadlines.outputs import write_case_csv, write_jsonl

    with source.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    day = dt.date.fromisoformat(as_of) if as_of else None
    out = io.StringIO(newline="")
    results = audit_cases(rows, as_of=day)
    if fmt == "csv":
        summary = write_case_csv(results, out, lang=lang)
    else:
        summary = write_jsonl(results, out, lang=lang)  # type: ignore[arg-type]
    return out.getvalue().encode("utf-8") + summary.markdown(lang).encode("utf-8")


def outputs() -> Iterator[tuple[str, Callable[[], bytes]]]:
    """Each output's name and a function making it."""
    for name, as_of in (("example", EXAMPLE_AS_OF), ("generated", AS_OF)):
        for run, args, ext in RUNS:

            def make(
                name: str = name, as_of: str = as_of, args: tuple[str, ...] = args, ext: str = ext
            ) -> bytes:
                with _input(name) as source:
                    return _cli(source, as_of, args, ext)

            yield f"{name}/{run}", make
        for lang in ("zh", "en"):
            for fmt in ("csv", "jsonl"):
                for day in (as_of, None):

                    def lib(
                        name: str = name, day: str | None = day, lang: str = lang, fmt: str = fmt
                    ) -> bytes:
                        with _input(name) as source:
                            return _library(source, day, lang, fmt)

                    tag = "as-of" if day else "no-as-of"
                    yield f"{name}/library-{fmt}-{lang}-{tag}", lib


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="rewrite digests.json")
    parser.add_argument("--out", type=Path, help="also write the outputs into this folder")
    args = parser.parse_args(argv)
    found: dict[str, str] = {}
    for name, make in outputs():
        data = make()
        found[name] = digest(data)
        if args.out:
            path = args.out / name.replace("/", "__")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    if args.update:
        DIGESTS.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    else:
        known = json.loads(DIGESTS.read_text(encoding="utf-8"))
        differ = sorted(k for k in found if known.get(k) != found[k])
        print("\n".join(differ) or "all identical")
        return 1 if differ else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
