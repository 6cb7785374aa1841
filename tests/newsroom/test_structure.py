"""The house rules of the code: no import circles between modules or between apps, each app
using only those listed before it, the project package using none, and every module and
test file short enough to read at once."""

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


def app_of(module):
    return module.split(".")[0]


def our_apps():
    """The newsroom's own apps, in the order INSTALLED_APPS lists them: from the bottom up."""
    from django.conf import settings

    return [app for app in settings.INSTALLED_APPS if (ROOT / app / "apps.py").is_file()]


def app_graph(graph):
    apps = set(our_apps())
    edges = {app: set() for app in apps}
    for module, imported in graph.items():
        for other in imported:
            if app_of(module) in apps and app_of(other) in apps and app_of(other) != app_of(module):
                edges[app_of(module)].add(app_of(other))
    return edges


def test_no_app_imports_one_that_imports_it_back(graph):
    assert circles(app_graph(graph)) == []


def test_each_app_uses_only_the_apps_listed_before_it(graph):
    rank = {app: n for n, app in enumerate(our_apps())}
    upward = sorted(
        (app, other)
        for app, others in app_graph(graph).items()
        for other in others
        if rank[other] > rank[app]
    )
    assert upward == []


def test_every_test_file_can_be_read_at_once():
    too_long = {
        str(path.relative_to(ROOT)): lines
        for path in sorted((ROOT / "tests").rglob("*.py"))
        if (lines := path.read_text().count("\n")) > LONGEST
    }
    assert too_long == {}
