"""The house rules of the code: no import circles, the project package imports no app,
and every module is short enough to read at once."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SKIPPED = {".git", ".venv", "node_modules", "migrations", "tests", "benchmarks", "e2e"}
LONGEST = 400


def project_modules():
    """{module name: (path, syntax tree)} for the project's own code."""
    modules = {}
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if any(part in SKIPPED or part.startswith(".") for part in parts[:-1]):
            continue
        name = ".".join(parts)[:-3].removesuffix(".__init__")
        modules[name] = (path, ast.parse(path.read_text()))
    return modules


def imports(name, path, tree, modules):
    """The project modules ``name`` imports, anywhere in its code (functions too)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            for alias in node.names:
                for candidate in (f"{base}.{alias.name}", base):
                    if candidate in modules and candidate != name:
                        found.add(candidate)
                        break
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name in modules and a.name != name}
    return found


@pytest.fixture(scope="module")
def graph():
    modules = project_modules()
    return {name: imports(name, *modules[name], modules) for name in modules}


def circles(graph):
    """Groups of modules that import each other, directly or through others (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(module):
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for other in graph[module]:
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = []
            while not group or group[-1] != module:
                group.append(stack.pop())
                on_stack.discard(group[-1])
            if len(group) > 1:
                found.append(sorted(group))

    for module in graph:
        if module not in index:
            visit(module)
    return found


def test_no_module_imports_one_that_imports_it_back(graph):
    assert circles(graph) == []


def test_the_circle_finder_finds_a_circle():
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_project_package_imports_no_app(graph):
    apps = {name.split(".")[0] for name in graph} - {"newsroom", "manage", "scripts"}
    reaching_out = {
        module: sorted(other for other in imported if other.split(".")[0] in apps)
        for module, imported in graph.items()
        if module.split(".")[0] == "newsroom"
    }
    assert {module: others for module, others in reaching_out.items() if others} == {}


def test_every_module_can_be_read_at_once():
    too_long = {
        str(path.relative_to(ROOT)): lines
        for path, _ in project_modules().values()
        if (lines := path.read_text().count("\n")) > LONGEST
    }
    assert too_long == {}
