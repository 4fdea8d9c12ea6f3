"""The package as a dependency: cheap, side-effect-free import and a complete public surface."""

from __future__ import annotations

import ast
import datetime as dt
import importlib
import inspect
import pkgutil
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

import gov_deadlines
import gov_deadlines as gd

ROOT = Path(__file__).resolve().parents[1]
INIT = ROOT / "src" / "gov_deadlines" / "__init__.py"
D = dt.date

#: One minimal valid call of every exported function (a new export without one fails
#: test_every_exported_function_answers_a_minimal_valid_call).
CALLS: dict[str, Callable[[], object]] = {
    "default_calendar": lambda: gd.default_calendar(),
    "is_provisional": lambda: gd.is_provisional(D(2026, 9, 28)),
    "load_overlay": lambda: gd.load_overlay(ROOT / "docs" / "examples" / "2027-example.toml"),
    "read_notice": lambda: gd.read_notice(NOTICE),
    "read_notice_sections": lambda: gd.read_notice_sections(NOTICE),
    "notice_toml": lambda: gd.notice_toml(gd.read_notice_sections(NOTICE)),
    "load_local_overlay": lambda: gd.load_local_overlay(
        ROOT / "docs" / "examples" / "closure-example.toml"
    ),
    "parse_period": lambda: gd.parse_period("20个工作日"),
    "deadline": lambda: gd.deadline(D(2026, 9, 28), "20个工作日"),
    "default_catalogue": lambda: gd.default_catalogue(),
    "load_rule_file": lambda: gd.load_rule_file(RULES / "ogi-2019.toml"),
    "parse_rule_file": lambda: gd.parse_rule_file(
        tomllib.loads((RULES / "ogi-2019.toml").read_text("utf-8"))
    ),
    "rules": lambda: gd.rules(),
    "rule": lambda: gd.rule("ogi.reply"),
    "due": lambda: gd.due("ogi.reply", D(2026, 9, 28)),
    "check": lambda: gd.check(gd.deadline(D(2026, 9, 28), "20个工作日"), D(2026, 10, 9)),
    "check_due": lambda: gd.check_due("ogi.reply", D(2026, 9, 28), D(2026, 10, 9)),
    "deadlines_for": lambda: gd.deadlines_for("application-received", D(2026, 9, 28)),
    "schedule": lambda: gd.schedule(2026),
    "rule_windows": lambda: gd.rule_windows("ogi.annual-report", 2026),
    "check_log": lambda: gd.check_log([], 2026),
    "read_log": lambda: gd.read_log(ROOT / "docs" / "log-example.csv"),
    "supervision_rows": lambda: gd.supervision_rows(gd.check_log([], 2026)),
    "audit_frame": lambda: gd.audit_frame(
        importlib.import_module("pyarrow").table({"渠道": ["当面"], "提交日期": ["2026-09-28"]})
    ),
    "provisional_fields": lambda: gd.provisional_fields(
        gd.due("ogi.reply", D(2026, 9, 28)).to_record()
    ),
    "validation_error": lambda: gd.validation_error(
        gd.PeriodParseError("x", ()), loc=("body", "period")
    ),
    "recheck": lambda: gd.recheck([gd.due("ogi.reply", D(2026, 9, 28))]),
}
RULES = ROOT / "src" / "gov_deadlines" / "data" / "rules"
NOTICE = (ROOT / "docs" / "examples" / "notice-2027-example.txt").read_text("utf-8")


def table(init: Path, name: str) -> dict[str, str] | None:
    """The dict literal ``name`` of a package's ``__init__`` (name -> module), if any."""
    for node in ast.parse(init.read_text("utf-8")).body:
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == name:
            found = ast.literal_eval(node.value)
            assert isinstance(found, dict)
            return found
    return None


def api_table() -> dict[str, str]:
    """The package's table of exports (name -> module), read from its source."""
    found = table(INIT, "_API")
    assert found is not None, "no _API table in gov_deadlines/__init__.py"
    return found


def type_checking_imports(init: Path = INIT) -> dict[str, str]:
    """name -> module of the ``if TYPE_CHECKING:`` imports of a package's __init__."""
    found: dict[str, str] = {}
    for node in ast.parse(init.read_text("utf-8")).body:
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            for item in node.body:
                assert isinstance(item, ast.ImportFrom) and item.module
                for alias in item.names:
                    found[alias.asname or alias.name] = item.module.removeprefix("gov_deadlines.")
    return found


def subpackages() -> list[str]:
    return [
        info.name for info in pkgutil.walk_packages(gd.__path__, "gov_deadlines.") if info.ispkg
    ]


def all_module_names() -> set[str]:
    """The last part of the name of every module and subpackage of gov_deadlines."""
    return {
        info.name.rpartition(".")[2]
        for info in pkgutil.walk_packages(gd.__path__, "gov_deadlines.")
    }


def test_all_is_the_table_of_exports_and_the_type_checking_imports_list_the_same() -> None:
    exports = api_table()
    assert gd.__all__ == ["__version__", *exports]
    assert type_checking_imports() == exports


def test_the_type_checking_imports_re_export_each_name_for_mypy_strict_users() -> None:
    # mypy --strict (no implicit re-export) reads `__all__ = [..., *_API]` as unknown, so a
    # name is exported only by the `import X as X` form: without it `gd.due(...)` and the
    # field type `gd.CoveredDate` were errors in every --strict user's code.
    for init in [INIT, *(init_of(package) for package in subpackages())]:
        for node in ast.parse(init.read_text("utf-8")).body:
            if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
                for item in node.body:
                    assert isinstance(item, ast.ImportFrom)
                    for alias in item.names:
                        assert alias.asname == alias.name, f"{init}: {alias.name}"


def init_of(package: str) -> Path:
    return ROOT / "src" / Path(*package.split(".")) / "__init__.py"


LAZY_PACKAGES = [p for p in subpackages() if table(init_of(p), "_LAZY") is not None]


def test_the_subpackages_with_pydantic_heavy_names_load_them_lazily() -> None:
    assert {"gov_deadlines.calendar", "gov_deadlines.recurring"} <= set(LAZY_PACKAGES)


@pytest.mark.parametrize("package", LAZY_PACKAGES)
def test_a_subpackage_exports_its_lazy_names_and_types_them_for_mypy(package: str) -> None:
    init = init_of(package)
    lazy = table(init, "_LAZY")
    assert lazy is not None
    module = importlib.import_module(package)
    assert set(lazy) <= set(module.__all__)
    short = package.removeprefix("gov_deadlines.")
    assert type_checking_imports(init) == {name: f"{short}.{m}" for name, m in lazy.items()}


def test_no_exported_name_is_also_the_name_of_a_module_at_any_level() -> None:
    # importing a module binds it as an attribute of its package: a module named like an
    # exported function would replace it (issue 11: gd.schedule after gd.check_log)
    assert set(gd.__all__) & all_module_names() == set()
    for info in pkgutil.walk_packages(gd.__path__, "gov_deadlines."):
        if info.ispkg:
            package = importlib.import_module(info.name)
            assert set(getattr(package, "__all__", ())) & all_module_names() == set(), info.name


def test_every_export_is_the_object_of_its_module_even_after_every_submodule_loaded() -> None:
    # in a fresh process, every submodule imported first: nothing may shadow an export then
    code = (
        "import importlib, pkgutil, types, gov_deadlines as gd\n"
        "for info in pkgutil.walk_packages(gd.__path__, 'gov_deadlines.'):\n"
        "    if info.name != 'gov_deadlines.__main__':\n"
        "        importlib.import_module(info.name)\n"
        f"table = {api_table()!r}\n"
        "bad = [n for n, m in table.items() if isinstance(getattr(gd, n), types.ModuleType)\n"
        "       or getattr(gd, n) is not getattr(importlib.import_module('gov_deadlines.' + m), n)]\n"
        f"for package in {subpackages()!r}:\n"
        "    module = importlib.import_module(package)\n"
        "    bad += [f'{package}.{n}' for n in getattr(module, '__all__', ())\n"
        "            if isinstance(getattr(module, n), types.ModuleType)]\n"
        "print(bad)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "[]"


def test_every_exported_function_answers_a_minimal_valid_call() -> None:
    for info in pkgutil.walk_packages(gd.__path__, "gov_deadlines."):
        if info.name != "gov_deadlines.__main__":
            importlib.import_module(info.name)
    functions = {n for n in gd.__all__ if inspect.isfunction(getattr(gd, n))}
    assert functions == set(CALLS)
    for name, call in CALLS.items():
        assert call() is not None, name


def test_schedule_still_works_after_check_log_loaded_the_recurring_modules() -> None:
    # the regression of issue 11, in a fresh process so that nothing was loaded before
    code = "import gov_deadlines as gd\ngd.check_log([], 2026)\nprint(len(gd.schedule(2026)) > 0)\n"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "True"


def test_an_unknown_attribute_raises_attribute_error_naming_it() -> None:
    try:
        gov_deadlines.no_such_name  # noqa: B018
    except AttributeError as error:
        assert "no_such_name" in str(error)
    else:  # pragma: no cover
        raise AssertionError("expected AttributeError")


def test_importing_the_package_loads_no_data_and_no_heavy_dependency() -> None:
    code = (
        "import sys, builtins\n"
        "opened = []\n"
        "real_open = builtins.open\n"
        "builtins.open = lambda *a, **k: (opened.append(a[0]), real_open(*a, **k))[1]\n"
        "import gov_deadlines\n"
        "heavy = [m for m in ('pydantic', 'chinese_calendar', 'dateutil') if m in sys.modules]\n"
        "print(heavy, [p for p in opened if 'gov_deadlines' in str(p)])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "[] []"


def test_a_fixed_yearly_rule_is_refused_for_a_year_before_it_existed() -> None:
    from gov_deadlines import NotInForceError, due

    try:
        due("sd-2018.school-admission", 2017)
    except NotInForceError as error:
        assert "2017" in str(error)
    else:  # pragma: no cover
        raise AssertionError("expected NotInForceError")
    assert str(due("sd-2018.school-admission", 2018).due_date) == "2018-07-31"


def test_a_due_date_from_the_bundled_data_needs_no_pydantic_at_all() -> None:
    code = (
        "import io, sys\n"
        "from gov_deadlines.cli import main\n"
        "code = main(['due', 'ogi.reply', '2026-09-30'], stdout=io.StringIO())\n"
        "print(code, [m for m in ('pydantic', 'pydantic_core') if m in sys.modules])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "0 []"


def test_the_test_extra_installs_nothing_that_pins_a_runtime_dependency_back() -> None:
    # holidays pins python-dateutil<3 while `pip install .` gives users dateutil 4: with it in
    # the test extra the tests ran against a dateutil no user has (its answers are frozen in
    # tests/calendar/python_holidays_china.json instead). .ci/same_versions.py checks the
    # resolution itself; this names the known offender without a network.
    import tomllib
    from pathlib import Path

    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text("utf-8"))
    runtime = {
        d.split(">")[0].split("<")[0].split("=")[0].split(";")[0].strip()
        for d in project["project"]["dependencies"]
    }
    assert "python-dateutil" in runtime  # a fixed choice of the project
    assert not [
        d for d in project["project"]["optional-dependencies"]["test"] if d.startswith("holidays")
    ]
