"""The package's layout holds (tools/layout_check.py), and each rule of the check catches
what it is for: a cycle hidden in a function, an underscore import, an upward import, a
CLI import of an internal module, a module named like an export."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from tools.layout_check import (
    cli_private_names,
    cycles,
    package_tree,
    private_imports,
    read_layout,
    shadowing_modules,
    unplaced_modules,
    upward_imports,
)

from tools import layout_check

ROOT = Path(__file__).resolve().parents[1]


def test_the_package_has_no_cycle_no_private_import_and_no_import_against_the_layers(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = layout_check.main([])
    out = capsys.readouterr().out
    assert code == 0, out
    assert out.rstrip().endswith("layout: OK")


def test_the_readme_shows_the_package_tree_as_it_is() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    found = layout_check.README_TREE.search(readme)
    assert found, "README.md: no ```text block after <!-- package-tree -->"
    assert found.group(2) == package_tree(), "update it: python -m tools.layout_check --readme"


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), "utf-8")
    for folder in ("tests", "benchmarks", "tools"):
        (root / folder).mkdir(exist_ok=True)
    return root


PKG = "src/gov_deadlines/"
BASE = {
    PKG + "__init__.py": "",
    PKG + "errors.py": "",
    PKG + "calendar/__init__.py": "",
    PKG + "calendar/day.py": "",
    PKG + "counting/__init__.py": "",
    PKG + "counting/periods.py": "",
    PKG + "cli/__init__.py": "",
}


def test_a_cycle_hidden_inside_a_function_is_found(tmp_path: Path) -> None:
    repo = write(
        tmp_path,
        BASE
        | {
            PKG + "counting/periods.py": "from gov_deadlines.counting import deadlines\n",
            PKG + "counting/deadlines.py": (
                "def f():\n    from gov_deadlines.counting.periods import X\n"
            ),
        },
    )
    (found,) = cycles(read_layout(repo))
    assert "counting.deadlines, counting.periods" in found and "-func@" in found


def test_an_underscore_name_taken_from_another_module_is_found_in_src_and_tests(
    tmp_path: Path,
) -> None:
    repo = write(
        tmp_path,
        BASE
        | {
            PKG + "calendar/week.py": "from gov_deadlines.calendar.day import _days\n",
            "tests/test_x.py": "import gov_deadlines.calendar.day as day\nday._kinds\n",
        },
    )
    assert private_imports(read_layout(repo)) == [
        "src/gov_deadlines/calendar/week.py:1  calendar.day._days",
        "tests/test_x.py:2  calendar.day._kinds",
    ]


def test_an_import_of_a_higher_layer_is_found_even_inside_a_function(tmp_path: Path) -> None:
    repo = write(
        tmp_path,
        BASE | {PKG + "calendar/day.py": "def f():\n    import gov_deadlines.counting.periods\n"},
    )
    (found,) = upward_imports(read_layout(repo))
    assert "calendar.day (layer 1) -> counting.periods (layer 2), upward [func]" in found


def test_a_module_outside_the_layer_table_is_named(tmp_path: Path) -> None:
    repo = write(tmp_path, BASE | {PKG + "helpers.py": ""})
    assert unplaced_modules(read_layout(repo)) == [
        "gov_deadlines.helpers: not in the layer table (tools/layout_check.py LAYERS)"
    ]


def test_the_cli_may_take_a_subpackages_exports_but_not_its_internal_modules(
    tmp_path: Path,
) -> None:
    repo = write(
        tmp_path,
        BASE
        | {
            PKG + "calendar/__init__.py": '__all__ = ["WorkCalendar"]\n',
            PKG + "cli/app.py": (
                "from gov_deadlines.calendar import WorkCalendar, hidden\n"
                "from gov_deadlines.calendar.day import DayKind\n"
            ),
        },
    )
    assert cli_private_names(read_layout(repo)) == [
        "src/gov_deadlines/cli/app.py:1  calendar.hidden: not exported by calendar (its __all__)",
        "src/gov_deadlines/cli/app.py:2  calendar.day.DayKind: calendar.day is internal; "
        "import its subpackage",
    ]


def test_a_module_named_like_a_name_its_package_exports_is_found(tmp_path: Path) -> None:
    repo = write(
        tmp_path,
        BASE
        | {
            PKG + "counting/__init__.py": '__all__ = ["periods", "deadline"]\n',
        },
    )
    (found,) = shadowing_modules(read_layout(repo))
    assert found.startswith("counting.periods: module named like counting.periods")


def test_the_tree_lists_every_module_of_every_subpackage(tmp_path: Path) -> None:
    repo = write(tmp_path, BASE)
    assert package_tree(repo) == (
        "src/gov_deadlines/\n"
        "  __init__.py errors.py\n"
        "  calendar/ day\n"
        "  cli/\n"
        "  counting/ periods\n"
    )
