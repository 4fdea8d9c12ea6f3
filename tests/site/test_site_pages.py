"""The documentation site's pages and configuration (mkdocs.yml): every page is in the
navigation, the generated catalogue pages in the generator's order, the home page opens
with the README's two commands, the changelog page is CHANGELOG.md, and a fresh clone's
test extra installs what builds the site, and ``mkdocs build --strict`` passes (as in
``.ci/run``)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

from tools.gen_docs import rule_pages

from _cli import ROOT

DOCS = ROOT / "docs"
CONFIG = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
SH = re.compile(r"```sh\n(.*?)```", re.DOTALL)


def nav_pages() -> list[str]:
    """The pages of ``nav``, in order (``- Title: page.md`` or ``- page.md``)."""
    nav = CONFIG.split("\nnav:\n", 1)[1]
    return re.findall(r"^\s+- (?:[^\n:]+: )?([^\s:]+\.md)$", nav, re.M)


def test_every_page_of_the_docs_folder_is_in_the_navigation_once() -> None:
    pages = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))
    listed = nav_pages()
    assert len(listed) == len(set(listed))
    missing = sorted(set(pages) - set(listed))
    assert not missing, f"add these pages to `nav` in mkdocs.yml: {missing}"
    assert sorted(listed) == pages, "mkdocs.yml lists a page that docs/ does not have"


def test_the_catalogue_pages_come_in_the_generators_order() -> None:
    generated = list(rule_pages())
    listed = [page for page in nav_pages() if page in generated]
    assert listed == generated


def test_the_home_page_opens_with_the_readmes_two_commands() -> None:
    readme = SH.findall((ROOT / "README.md").read_text(encoding="utf-8"))[:2]
    home = (DOCS / "index.md").read_text(encoding="utf-8")
    assert len(readme) == 2
    assert SH.findall(home)[:2] == readme
    assert home.startswith("# gov_deadlines\n\n```sh\n" + readme[0])


def test_the_changelog_page_is_the_changelog() -> None:
    page = (DOCS / "changelog.md").read_text(encoding="utf-8")
    assert '--8<-- "CHANGELOG.md"' in page
    assert "pymdownx.snippets" in CONFIG and "check_paths: true" in CONFIG
    assert (ROOT / "CHANGELOG.md").is_file()


def test_the_docs_extra_and_the_test_extra_install_the_site_builder() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    extras = project["optional-dependencies"]
    for extra in ("docs", "test"):
        names = {re.split(r"[<>=!~ ;\[]", d, maxsplit=1)[0] for d in extras[extra]}
        assert {"mkdocs", "mkdocs-material"} <= names, extra
    assert re.search(r"^docs_dir: docs$", CONFIG, re.M)
    assert re.search(r"^  name: material$", CONFIG, re.M)


def test_the_site_builds_with_warnings_as_errors(tmp_path: Path) -> None:
    # as .ci/run builds it; never --quiet, under which mkdocs stops counting warnings
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    warnings = [line for line in done.stderr.splitlines() if line.startswith("WARNING")]
    assert done.returncode == 0 and not warnings, "\n".join(warnings) or done.stderr
    assert (tmp_path / "rules" / "ogi-2019" / "index.html").is_file()
    assert "办事人员指南" in (tmp_path / "clerk" / "index.html").read_text(encoding="utf-8")
