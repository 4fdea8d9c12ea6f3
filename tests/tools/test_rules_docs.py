"""docs/rules.md (with a page per document, docs/rules/<source id>.md) and docs/rule-schema.json
are generated from the catalogue and kept current.

If a test here fails because a file is stale, regenerate them with::

    python -m tools.gen_docs

and commit the result. The bundled rule files are also validated against the published
JSON Schema with ``jsonschema`` (TOML dates are turned into ISO strings first, as they would
be written in a JSON rule file).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import subprocess
import sys
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from tools.gen_docs import (
    NATIONAL_ORDER,
    document_order,
    main,
    rule_pages,
    rule_schema_json,
    rules_markdown,
    source_page,
)

from gov_deadlines import default_catalogue
from gov_deadlines.catalogue.schema import RuleFile

REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "docs"
RULES_MD = DOCS / "rules.md"
SCHEMA = DOCS / "rule-schema.json"
REGENERATE = "regenerate with `python -m tools.gen_docs`"


def _bundled() -> dict[str, Any]:
    folder = resources.files("gov_deadlines").joinpath("data/rules")
    return {
        entry.name: tomllib.loads(entry.read_bytes().decode("utf-8"))
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".toml") and entry.name != "events.toml"
    }


def as_json_data(value: Any) -> Any:
    """Parsed TOML as JSON would carry it: dates and times become ISO strings."""
    if isinstance(value, dict):
        return {key: as_json_data(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json_data(item) for item in value]
    if isinstance(value, dt.date | dt.time):  # datetime is a date
        return value.isoformat()
    return value


BUNDLED = _bundled()


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    cls.check_schema(schema)
    return cls(schema, format_checker=jsonschema.FormatChecker())


# -- staleness ---------------------------------------------------------------------------------


def test_docs_rules_md_is_current() -> None:
    assert RULES_MD.is_file(), f"docs/rules.md is missing; {REGENERATE}"
    assert RULES_MD.read_text(encoding="utf-8") == rules_markdown(), (
        f"docs/rules.md is stale; {REGENERATE}"
    )


def test_every_document_page_is_current_and_no_other_page_is_left() -> None:
    pages = rule_pages()
    for name, text in pages.items():
        path = DOCS / name
        assert path.is_file(), f"docs/{name} is missing; {REGENERATE}"
        assert path.read_text(encoding="utf-8") == text, f"docs/{name} is stale; {REGENERATE}"
    held = {f"rules/{path.name}" for path in (DOCS / "rules").glob("*.md")}
    assert held == set(pages) - {"rules.md"}


def test_the_generator_removes_the_page_of_a_document_no_longer_in_the_catalogue(
    tmp_path: Path,
) -> None:
    assert main(["--docs", str(tmp_path)]) == 0
    old = tmp_path / "rules" / "gone-2001.md"
    old.write_text("# gone-2001\n", encoding="utf-8")
    assert main(["--check", "--docs", str(tmp_path)]) == 1
    assert old.exists()
    assert main(["--docs", str(tmp_path)]) == 0
    assert not old.exists()


def test_docs_rule_schema_json_is_current() -> None:
    assert SCHEMA.is_file(), f"docs/rule-schema.json is missing; {REGENERATE}"
    assert SCHEMA.read_text(encoding="utf-8") == rule_schema_json(), (
        f"docs/rule-schema.json is stale; {REGENERATE}"
    )


def test_the_schema_is_the_rule_file_models_pretty_printed() -> None:
    text = rule_schema_json()
    assert json.loads(text) == RuleFile.model_json_schema()
    # pretty-printed (indent 2), non-ASCII kept as is (ensure_ascii=False), one final newline
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"
    assert not text.endswith("\n\n")


def test_the_generator_is_deterministic() -> None:
    assert rules_markdown() == rules_markdown()
    assert rule_schema_json() == rule_schema_json()


def test_main_writes_both_files_and_check_reports_staleness(tmp_path: Path) -> None:
    assert main(["--check", "--docs", str(tmp_path)]) == 1
    assert not (tmp_path / "rules.md").exists()
    assert main(["--docs", str(tmp_path)]) == 0
    assert (tmp_path / "rules.md").read_text(encoding="utf-8") == rules_markdown()
    assert (tmp_path / "rule-schema.json").read_text(encoding="utf-8") == rule_schema_json()
    assert main(["--check", "--docs", str(tmp_path)]) == 0


def test_python_m_tools_gen_docs_check_passes_on_the_repository_docs() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tools.gen_docs", "--check", "--docs", str(DOCS)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


# -- what docs/rules.md holds ---------------------------------------------------------------------


def test_documents_come_in_seed_order_then_the_national_ones() -> None:
    order = [source.id for source in document_order(default_catalogue())]
    assert order == [
        "sh-2018",
        "bz-2017",
        "ah-checklist",
        "sd-2018",
        "jy-2024",
        *NATIONAL_ORDER,
    ]
    assert NATIONAL_ORDER == ("ogi-2019", "ogi-2008", "gbf-2016-61")
    linked = re.findall(r"^- \[([a-z0-9-]+)\]\(rules/([a-z0-9-]+)\.md\) — ", rules_markdown(), re.M)
    assert linked == [(sid, sid) for sid in order]
    assert [name for name in rule_pages() if name != "rules.md"] == [source_page(s) for s in order]


def test_each_document_has_a_page_headed_by_its_id_and_title() -> None:
    pages = rule_pages()
    for source in document_order(default_catalogue()):
        page = pages[source_page(source.id)]
        assert page.startswith(f"# {source.id} — 《{source.title}》\n")


def test_every_rule_is_documented_under_its_document_with_its_words() -> None:
    pages = rule_pages()
    cat = default_catalogue()
    for file in cat.files():
        source = file.source
        section = pages[source_page(source.id)]
        assert source.cite("zh") in section
        assert source.cite("en") in section
        for item in file.rule:
            assert f"## {item.id}\n" in section
            block = section.split(f"## {item.id}\n", 1)[1].split("\n## ", 1)[0]
            for words in (
                item.title_zh,
                item.title_en,
                f"> {item.quote}",
                item.clause,
                item.counting_zh,
                item.counting_en,
            ):
                assert words in block, (item.id, words)
            if item.trigger is not None:
                event = cat.event(item.trigger)
                assert event.zh in block and event.en in block and f"`{event.id}`" in block
        for entry in file.not_a_rule:
            assert entry.quote.replace("|", "\\|") in section


# -- the bundled rule files against the published schema -------------------------------------------


@pytest.mark.parametrize("name", sorted(BUNDLED))
def test_the_bundled_rule_file_validates_against_the_published_schema(
    name: str, validator: jsonschema.protocols.Validator
) -> None:
    errors = sorted(validator.iter_errors(as_json_data(BUNDLED[name])), key=str)
    assert not errors, f"{name}: " + "; ".join(
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors
    )


def test_all_bundled_rule_files_were_validated() -> None:
    sources = {data["source"]["id"] for data in BUNDLED.values()}
    assert sources == set(default_catalogue().sources)


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d["rule"][0].update(kind="deadlin"), "kind"),
        (lambda d: d["rule"][0].pop("quote"), "quote"),
        (lambda d: d["rule"][0].update(colour="red"), "colour"),
        (lambda d: d["source"].update(id="Not An Id"), "id"),
        (lambda d: d["rule"][0].update(seed_line=0), "seed_line"),
    ],
)
def test_the_schema_rejects_a_broken_rule_file(
    change: Any, where: str, validator: jsonschema.protocols.Validator
) -> None:
    data = copy.deepcopy(as_json_data(BUNDLED["bz-2017.toml"]))
    change(data)
    errors = list(validator.iter_errors(data))
    assert errors
    assert any(
        where in (str(e.absolute_path[-1]) if e.absolute_path else "") or where in e.message
        for e in errors
    )
