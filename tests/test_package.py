"""The package as a dependency: cheap, side-effect-free import and a complete public surface."""

from __future__ import annotations

import subprocess
import sys

import gov_deadlines


def test_every_name_in_all_is_importable_from_the_package() -> None:
    for name in gov_deadlines.__all__:
        assert getattr(gov_deadlines, name) is not None, name


def test_the_lazy_export_table_and_all_list_the_same_names() -> None:
    exported = set(gov_deadlines._EXPORTS) | {"__version__"}
    assert exported == set(gov_deadlines.__all__)


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
    runtime = {d.split(">")[0].split("<")[0].split("=")[0].split(";")[0].strip()
               for d in project["project"]["dependencies"]}
    assert "python-dateutil" in runtime  # a fixed choice of the project
    assert not [d for d in project["project"]["optional-dependencies"]["test"]
                if d.startswith("holidays")]
