"""The library's policies: the readings it applies where the text it counts by is silent.

A policy is not law: it is never inside a quote or on an "依据" (source) line. Each one is
named in ``data/policies.toml`` (validated by :mod:`gov_deadlines.catalogue.schema`, listed for
readers in ``docs/policies.md``) with the reading, its basis, its default and how to switch
it; a rule names the policies that apply to it (``Rule.policies``), and an explanation names
a policy whenever it decided a date (:meth:`Policy.line`).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from gov_deadlines.vocabulary import is_zh

__all__ = ["Policy", "default_policies", "policy_from_dict"]

#: The policies' file, relative to the package's data folder.
POLICY_FILE = ("policies.toml",)


@dataclass(frozen=True, slots=True)
class Policy:
    """One named reading of the library (fields as in ``data/policies.toml``)."""

    id: str
    title_zh: str
    title_en: str
    reading_zh: str
    reading_en: str
    basis_zh: str
    basis_en: str
    default_zh: str
    default_en: str
    applies_in: tuple[str, ...] = ()
    switch_zh: str = ""
    switch_en: str = ""

    def title(self, lang: str = "zh") -> str:
        return self.title_zh if is_zh(lang) else self.title_en

    def line(self, lang: str = "zh") -> str:
        """``政策 <id>:<title>(本库的解释,见 docs/policies.md)`` — how explanations name it."""
        if is_zh(lang):
            return f"政策 {self.id}:{self.title_zh}(本库的解释,非条文原文;见 docs/policies.md)"
        return (
            f"Policy {self.id}: {self.title_en} (the library's reading, not the text's words; "
            "see docs/policies.md)"
        )

    def describe_lines(self, lang: str = "zh") -> list[str]:
        """The policy in full: reading, basis, default and switch."""
        zh = is_zh(lang)
        lines = [
            self.line(lang),
            ("   做法:" if zh else "   Reading: ") + (self.reading_zh if zh else self.reading_en),
            ("   理由:" if zh else "   Basis: ") + (self.basis_zh if zh else self.basis_en),
            ("   默认:" if zh else "   Default: ") + (self.default_zh if zh else self.default_en),
        ]
        switch = self.switch_zh if zh else self.switch_en
        if switch:
            lines.append(("   更改:" if zh else "   Switch: ") + switch)
        return lines

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["applies_in"] = list(self.applies_in)
        return data


def policy_from_dict(data: dict[str, Any]) -> Policy:
    """A :class:`Policy` from already validated data."""
    return Policy(**{**data, "applies_in": tuple(data.get("applies_in", ()))})


def default_policies() -> dict[str, Policy]:
    """The bundled policies by id: those of the built-in catalogue, read with it."""
    from gov_deadlines.catalogue.store import default_catalogue

    return default_catalogue().policies
