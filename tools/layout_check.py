"""The package's layout rules, checked from the source (``ast``, nothing is imported).

Run:  python -m tools.layout_check [--edges]   prints every finding; exit 1 if there is one
      python -m tools.layout_check --tree      prints the package tree (the README shows it)
      python -m tools.layout_check --readme    writes that tree into README.md

Rules (docs: README "Package tree"; design: issue 11):

* **No import cycle** among the package's modules, counting imports inside functions
  (``TYPE_CHECKING`` imports never run and are left out): a cycle hidden in a function is
  still a cycle, it only fails later.
* **No underscore name across modules**: ``from gov_deadlines.x import _y`` or
  ``x._y`` in another module of the package, in ``tests/``, ``benchmarks/`` or ``tools/``.
* **Imports go down the layers** (or sideways inside one subpackage; layer 0 is one group),
  function-level imports included — see :data:`LAYERS`. ``TYPE_CHECKING`` imports are
  exempt: they never run, and a lower type may name a higher one in an annotation
  (``Deadline.rule: Rule``).
* **The CLI uses public names only**: it imports ``gov_deadlines``, a subpackage or a
  layer-0 module, and only names in that module's ``__all__``; never a subpackage's
  internal module.
* **No module is named like a name its package exports** (``__all__``): importing the
  module would bind it as the package attribute and hide the exported object (the
  ``gd.schedule`` bug of issue 11).
"""

from __future__ import annotations

import ast
import itertools
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "CHECKS",
    "LAYERS",
    "README_TREE",
    "Layout",
    "cli_private_names",
    "cycles",
    "main",
    "package_tree",
    "private_imports",
    "read_layout",
    "shadowing_modules",
    "unplaced_modules",
    "upward_imports",
]

REPO = Path(__file__).resolve().parents[1]
PACKAGE = "gov_deadlines"

#: The layer of each top-level module or subpackage: imports go only to a lower layer, or
#: sideways inside one subpackage. Layer 0 (the foundations every idea uses) is one group.
LAYERS: dict[str, int] = {
    "errors": 0,
    "vocabulary": 0,
    "dates": 0,
    "bundled": 0,
    "documents": 0,  # parsing a data file's JSON/TOML text (calendar overlays, rule files)
    "textinput": 0,  # decoding CSV bytes (the audit input, the activity log)
    "atomic": 0,  # writing a file whole or not at all (the CLI's outputs, the .ics export)
    "lazy": 0,  # the lazy exports of the top level and the subpackages
    "dialect": 0,  # the delimiter of a CSV file (the audit input, the activity log)
    "sheets": 0,  # reading a worksheet of an .xlsx workbook as a table (optional xlsx extra)
    "stamps": 0,  # what decided a result: the calendar years and rule documents it used
    "values": 0,  # immutable value classes without per-class generated code (start-up)
    "calendar": 1,
    "counting": 2,
    "catalogue": 3,
    "cases": 4,
    "recurring": 4,
    "outputs": 5,
    "pydantic_types": 5,  # pydantic fields and validators for other systems' models
    "testing": 5,  # hypothesis strategies for downstream tests (needs hypothesis)
    "": 6,  # the package's own __init__: the public API, lazily over layers 0-5
    "cli": 7,  # the command line, on the public API
    "__main__": 8,  # `python -m gov_deadlines`: runs the CLI
}

#: Cycles known and not yet broken, each with its reason: reported as findings when they
#: change or disappear, so that the list cannot go stale.
#: Where underscore names of the package must not be imported (besides the package).
OUTSIDE = ("tests", "benchmarks", "tools")


@dataclass(frozen=True)
class Edge:
    """One import of a package module by another: ``kind`` is top, func or tc."""

    importer: str
    target: str
    kind: str
    line: int


@dataclass(frozen=True)
class FromName:
    """A name taken by ``from target import name`` (or ``target.name`` via an alias)."""

    importer: str
    path: str
    target: str
    name: str
    line: int


@dataclass
class Layout:
    """What the walk found: modules, edges, imported names, ``__all__`` of each module."""

    repo: Path = REPO
    modules: dict[str, Path] = field(default_factory=dict)
    packages: set[str] = field(default_factory=set)
    edges: list[Edge] = field(default_factory=list)
    names: list[FromName] = field(default_factory=list)
    exports: dict[str, list[str]] = field(default_factory=dict)  # __all__, else defined names


def _module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _static_all(tree: ast.Module) -> list[str] | None:
    """``__all__`` of a module when it is a literal, or built from literals (``*_API``)."""
    literals: dict[str, ast.expr] = {}
    for node in tree.body:
        targets: list[ast.expr] = []
        value: ast.expr | None = None
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        for target in targets:
            if isinstance(target, ast.Name) and value is not None:
                literals[target.id] = value

    def strings(node: ast.expr) -> list[str] | None:
        if isinstance(node, ast.Dict):
            keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
            return [k for k in keys if isinstance(k, str)]
        if isinstance(node, ast.List | ast.Tuple):
            out: list[str] = []
            for item in node.elts:
                if isinstance(item, ast.Constant) and isinstance(item.value, str):
                    out.append(item.value)
                elif isinstance(item, ast.Starred) and isinstance(item.value, ast.Name):
                    inner = literals.get(item.value.id)
                    got = strings(inner) if inner is not None else None
                    if got is None:
                        return None
                    out.extend(got)
                else:
                    return None
            return out
        return None

    value = literals.get("__all__")
    return strings(value) if value is not None else None


def _defined_names(tree: ast.Module) -> list[str]:
    """The public names a module without ``__all__`` defines itself (imports excluded)."""
    out: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            out.append(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            out.extend(t.id for t in targets if isinstance(t, ast.Name))
    return [n for n in out if not n.startswith("_")]


def _resolve(current: str, is_package: bool, level: int, target: str | None) -> str:
    if level == 0:
        return target or ""
    parts = current.split(".")
    base = parts if is_package else parts[:-1]
    base = base[: len(base) - (level - 1)] if level > 1 else base
    return ".".join(base + ([target] if target else []))


class _Walker(ast.NodeVisitor):
    def __init__(self, module: str, path: str, is_package: bool, known: set[str]) -> None:
        self.module, self.path, self.is_package, self.known = module, path, is_package, known
        self.depth = 0  # inside def bodies
        self.tc = 0  # inside `if TYPE_CHECKING:`
        self.edges: list[Edge] = []
        self.names: list[FromName] = []
        self.aliases: dict[str, str] = {}  # local name -> imported package module

    def _kind(self) -> str:
        return "tc" if self.tc else ("func" if self.depth else "top")

    def _closest_known(self, name: str) -> str | None:
        while name:
            if name in self.known:
                return name
            name = name.rpartition(".")[0]
        return None

    def visit_If(self, node: ast.If) -> None:
        test = node.test
        is_tc = (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
            isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
        )
        if not is_tc:
            self.generic_visit(node)
            return
        self.tc += 1
        for child in node.body:
            self.visit(child)
        self.tc -= 1
        for child in node.orelse:
            self.visit(child)

    def _scope(self, node: ast.AST) -> None:
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = _scope

    def _edge(self, target: str, line: int) -> None:
        self.edges.append(Edge(self.module, target, self._kind(), line))

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            target = self._closest_known(alias.name)
            if target is None:
                continue
            self._edge(target, node.lineno)
            if alias.asname:
                self.aliases[alias.asname] = target
            else:
                self.aliases[alias.name.split(".")[0]] = alias.name.split(".")[0]

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        base = _resolve(self.module, self.is_package, node.level, node.module)
        for alias in node.names:
            sub = f"{base}.{alias.name}" if base else alias.name
            if sub in self.known:  # `from package import submodule`
                self._edge(sub, node.lineno)
                self.aliases[alias.asname or alias.name] = sub
                continue
            target = self._closest_known(base)
            if target is None:
                continue
            self._edge(target, node.lineno)
            self.names.append(FromName(self.module, self.path, target, alias.name, node.lineno))

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if isinstance(node.value, ast.Name) and node.value.id in self.aliases:
            target = self.aliases[node.value.id]
            name = node.attr
            if f"{target}.{name}" not in self.known:
                self.names.append(FromName(self.module, self.path, target, name, node.lineno))
        self.generic_visit(node)


def _walk(layout: Layout, module: str, path: Path, is_package: bool) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    walker = _Walker(module, str(path.relative_to(layout.repo)), is_package, set(layout.modules))
    walker.visit(tree)
    layout.edges.extend(e for e in walker.edges if e.target != module)
    layout.names.extend(walker.names)
    if module in layout.modules:
        exported = _static_all(tree)
        layout.exports[module] = _defined_names(tree) if exported is None else exported


def read_layout(repo: Path = REPO) -> Layout:
    """Walk ``src/gov_deadlines`` and the imports of the package by tests, benchmarks, tools."""
    layout = Layout(repo=repo)
    root = repo / "src"
    for path in sorted((root / PACKAGE).rglob("*.py")):
        name = _module_name(root, path)
        layout.modules[name] = path
        if path.name == "__init__.py":
            layout.packages.add(name)
    for name, path in layout.modules.items():
        _walk(layout, name, path, name in layout.packages)
    for folder in OUTSIDE:
        for path in sorted((repo / folder).rglob("*.py")):
            _walk(layout, f"<{path.relative_to(repo)}>", path, False)
    return layout


def _short(module: str) -> str:
    return module.removeprefix(PACKAGE + ".") if module != PACKAGE else PACKAGE


def _part(module: str) -> str:
    """The top-level module or subpackage a module belongs to ('' for the package)."""
    return module.split(".")[1] if "." in module else ""


def _strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10000))
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def _one_cycle(component: list[str], graph: dict[str, set[str]]) -> list[str]:
    """A shortest cycle through the component's first module (breadth-first)."""
    start, members = component[0], set(component)
    paths = {start: [start]}
    queue = [start]
    while queue:
        v = queue.pop(0)
        for w in sorted(graph[v] & members):
            if w == start:
                return paths[v]
            if w not in paths:
                paths[w] = [*paths[v], w]
                queue.append(w)
    return component  # pragma: no cover - a component always has a cycle


def cycles(layout: Layout) -> list[str]:
    graph: dict[str, set[str]] = {m: set() for m in layout.modules}
    first: dict[tuple[str, str], Edge] = {}
    for edge in layout.edges:
        if edge.kind != "tc" and edge.importer in layout.modules:
            graph[edge.importer].add(edge.target)
            first.setdefault((edge.importer, edge.target), edge)
    out = []
    for component in _strongly_connected(graph):
        ring = _one_cycle(component, graph)
        hops = [
            f"{_short(a)} -{first[a, b].kind}@{first[a, b].line}-> "
            for a, b in itertools.pairwise([*ring, ring[0]])
        ]
        out.append(
            f"{', '.join(map(_short, component))}\n      e.g. {''.join(hops)}{_short(ring[0])}"
        )
    return out


def private_imports(layout: Layout) -> list[str]:
    out = []
    for item in layout.names:
        private = item.name.startswith("_") and not item.name.startswith("__")
        if private and item.target != item.importer:
            out.append(f"{item.path}:{item.line}  {_short(item.target)}.{item.name}")
    return sorted(set(out))


def upward_imports(layout: Layout) -> list[str]:
    out = []
    for edge in layout.edges:
        if edge.importer not in layout.modules or edge.kind == "tc":
            continue
        low, high = _part(edge.importer), _part(edge.target)
        if low not in LAYERS or high not in LAYERS:
            continue  # reported by unplaced_modules
        if LAYERS[high] < LAYERS[low] or low == high or LAYERS[high] == LAYERS[low] == 0:
            continue
        path = layout.modules[edge.importer].relative_to(layout.repo)
        side = "sideways" if LAYERS[high] == LAYERS[low] else "upward"
        out.append(
            f"{path}:{edge.line}  {_short(edge.importer)} (layer {LAYERS[low]}) -> "
            f"{_short(edge.target)} (layer {LAYERS[high]}), {side} [{edge.kind}]"
        )
    return sorted(set(out))


def unplaced_modules(layout: Layout) -> list[str]:
    parts = sorted({_part(m) for m in layout.modules} - set(LAYERS))
    return [f"{PACKAGE}.{p}: not in the layer table (tools/layout_check.py LAYERS)" for p in parts]


def _public_modules(layout: Layout) -> set[str]:
    """``gov_deadlines``, its subpackages and its layer-0 modules: what the CLI may import."""
    out = {PACKAGE}
    for module in layout.modules:
        part = _part(module)
        if module.count(".") == 1 and LAYERS.get(part, 99) <= 5:
            out.add(module)
    return out


def cli_private_names(layout: Layout) -> list[str]:
    public = _public_modules(layout)
    cli = f"{PACKAGE}.cli"
    out = []
    for item in layout.names:
        if not (item.importer == cli or item.importer.startswith(cli + ".")):
            continue
        if item.target == cli or item.target.startswith(cli + "."):
            continue
        where = f"{item.path}:{item.line}  {_short(item.target)}.{item.name}"
        if item.target not in public:
            out.append(f"{where}: {_short(item.target)} is internal; import its subpackage")
            continue
        exported = layout.exports.get(item.target, [])
        if item.name not in exported and f"{item.target}.{item.name}" not in public:
            out.append(f"{where}: not exported by {_short(item.target)} (its __all__)")
    named = {(n.importer, n.target, n.line) for n in layout.names}
    for edge in layout.edges:
        inside = edge.importer == cli or edge.importer.startswith(cli + ".")
        if not inside or edge.target.startswith(cli) or edge.target in public:
            continue
        if (edge.importer, edge.target, edge.line) not in named:
            path = layout.modules[edge.importer].relative_to(layout.repo)
            out.append(f"{path}:{edge.line}  imports {_short(edge.target)}: internal module")
    return sorted(set(out))


def shadowing_modules(layout: Layout) -> list[str]:
    out = []
    for package in sorted(layout.packages):
        exported = set(layout.exports.get(package, ()))
        for module in layout.modules:
            parent, _, leaf = module.rpartition(".")
            if parent == package and leaf in exported:
                out.append(
                    f"{_short(module)}: module named like {_short(package)}.{leaf}, which "
                    "the package exports (importing the module would hide it)"
                )
    return out


def package_tree(repo: Path = REPO) -> str:
    """The package's modules by folder, as the README shows them (``--tree``)."""
    base = repo / "src" / PACKAGE
    lines = [f"src/{PACKAGE}/"]
    folders = [base, *sorted(p for p in base.iterdir() if (p / "__init__.py").is_file())]
    width = max(len(p.name) for p in folders[1:]) + 2 if len(folders) > 1 else 0
    for folder in folders:
        if folder == base:
            names = sorted(p.name for p in folder.glob("*.py"))
            names.sort(key=lambda n: (not n.startswith("__"), n))
            label, wrap = "", "  "
        else:
            names = sorted(p.stem for p in folder.glob("*.py") if p.name != "__init__.py")
            label, wrap = f"{folder.name}/".ljust(width), " " * (width + 2)
        line = "  " + label
        for name in names:
            if len(line) + len(name) + 1 > 96 and line.strip() != label.strip():
                lines.append(line.rstrip())
                line = wrap
            line += name + " "
        lines.append(line.rstrip())
    return "\n".join(lines) + "\n"


CHECKS = (
    ("import cycles (imports inside functions count; TYPE_CHECKING ones do not)", cycles),
    ("cross-module imports of underscore names (src, tests, benchmarks, tools)", private_imports),
    ("imports against the layers (up, or sideways between subpackages)", upward_imports),
    ("modules outside the layer table", unplaced_modules),
    ("CLI imports of names that are not public", cli_private_names),
    ("modules named like a name their package exports", shadowing_modules),
)


README_TREE = re.compile(r"(<!-- package-tree -->\n```text\n)(.*?)(```)", re.S)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if "--readme" in args:
        readme = REPO / "README.md"
        text = readme.read_text(encoding="utf-8")
        new = README_TREE.sub(lambda m: m.group(1) + package_tree() + m.group(3), text)
        if new != text:
            readme.write_text(new, encoding="utf-8")
        print(f"{readme.name}: package tree {'updated' if new != text else 'up to date'}")
        return 0
    if "--tree" in args:
        sys.stdout.write(package_tree())
        return 0
    layout = read_layout()
    if "--edges" in args:
        print("== edges (importer -> imported [kind] line)")
        for edge in sorted(layout.edges, key=lambda e: (e.importer, e.target, e.line)):
            if edge.importer in layout.modules:
                print(
                    f"  {_short(edge.importer)} -> {_short(edge.target)} [{edge.kind}] {edge.line}"
                )
    failed = 0
    for title, check in CHECKS:
        findings = check(layout)
        failed += len(findings)
        print(f"== {title}: {len(findings)}")
        for finding in findings:
            print(f"  {finding}")
    hidden = {(e.importer, e.target) for e in layout.edges if e.kind == "func"}
    print(f"== function-level import edges (allowed, acyclic, downward): {len(hidden)}")
    print("layout: OK" if not failed else f"layout: {failed} finding(s)")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
