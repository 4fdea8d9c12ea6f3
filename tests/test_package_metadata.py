"""The package's metadata: one version, the license the project states, nothing invented.

``.ci/package_check.py`` builds the sdist and the wheel and runs them; these tests hold the
declarations it relies on without building anything.
"""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import gov_deadlines

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))


def test_the_version_is_written_once_in_the_package_and_read_from_there() -> None:
    project = PROJECT["project"]
    assert "version" not in project
    assert "version" in project["dynamic"]
    attr = PROJECT["tool"]["setuptools"]["dynamic"]["version"]["attr"]
    assert attr == "gov_deadlines.__version__"
    # setuptools reads it without importing the package: it must stay a plain literal
    init = ast.parse((ROOT / "src" / "gov_deadlines" / "__init__.py").read_text("utf-8"))
    literals = [
        node.value.value
        for node in init.body
        if isinstance(node, ast.Assign)
        and [getattr(t, "id", "") for t in node.targets] == ["__version__"]
        and isinstance(node.value, ast.Constant)
    ]
    assert literals == [gov_deadlines.__version__]


def test_the_license_is_an_spdx_expression_with_its_text_in_the_license_file() -> None:
    project = PROJECT["project"]
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text("utf-8")
    assert text.startswith("MIT License\n")
    assert "Permission is hereby granted, free of charge" in text
    # PEP 639: a license expression replaces the license classifiers (setuptools refuses both)
    assert not [c for c in project["classifiers"] if c.startswith("License ::")]


def test_the_build_backend_is_recent_enough_for_an_spdx_license() -> None:
    requires = PROJECT["build-system"]["requires"]
    assert requires == ["setuptools>=77"]


def test_the_sdist_manifest_carries_what_the_tests_read() -> None:
    manifest = (ROOT / "MANIFEST.in").read_text("utf-8").split()
    for folder in ("tests", "docs", "tools", "benchmarks", ".ci"):
        assert f"{folder}" in manifest, folder
    for name in ("LICENSE", "README.md", "CHANGELOG.md", "mkdocs.yml"):
        assert name in manifest, name
