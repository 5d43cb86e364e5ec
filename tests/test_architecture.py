"""The package's layout is its pipeline: each layer imports only the layers before it, no module
imports itself back through others, and the public API is declared."""
from __future__ import annotations

import ast
from pathlib import Path

import roadmap_gen

PACKAGE = Path(roadmap_gen.__file__).parent

# each layer and the layers it may import (besides itself and roadmap_gen.version)
ALLOWED = {
    "format": set(),
    "compile": {"format"},
    "site": {"format", "compile"},
    "git": {"format", "compile"},
    "scaffold": {"format", "compile"},
    "mkdocs": {"format", "compile", "site", "git"},
    "cli": {"format", "compile", "site", "git", "scaffold"},
}


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, top_level_only: bool) -> set[str]:
    """The roadmap_gen modules a file imports (at module level only, or anywhere)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    out: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            base = node.module
            if base.startswith("roadmap_gen"):
                out.update(f"{base}.{a.name}" if _is_module(f"{base}.{a.name}") else base for a in node.names)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("roadmap_gen"))
    return out


def _is_module(name: str) -> bool:
    rel = Path(*name.split(".")[1:])
    return (PACKAGE / rel).with_suffix(".py").is_file() or (PACKAGE / rel / "__init__.py").is_file()


def _sources() -> dict[str, Path]:
    return {_module(p): p for p in PACKAGE.rglob("*.py")}


def test_layers_import_only_the_layers_before_them():
    wrong = []
    for name, path in _sources().items():
        parts = name.split(".")
        if len(parts) < 3 or parts[1] not in ALLOWED:
            continue
        layer = parts[1]
        for imported in _imports(path, top_level_only=False):
            other = imported.split(".")[1] if imported.count(".") else ""
            if other and other != layer and other != "version" and other not in ALLOWED[layer]:
                wrong.append(f"{name} imports {imported}")
    assert wrong == []


def test_no_import_cycles_between_modules():
    sources = _sources()
    graph = {name: {i for i in _imports(path, top_level_only=True) if i in sources and i != name}
             for name, path in sources.items()}
    state: dict[str, int] = {}
    cycles = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt):] + [nxt] if nxt in stack else [node, nxt])
            elif nxt not in state:
                visit(nxt, stack + [nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    # the package's __init__ re-exports the API, so importing it from a submodule is the one cycle allowed
    assert [c for c in cycles if "roadmap_gen" not in c] == []


def test_public_api_is_declared():
    assert set(roadmap_gen.__all__) >= {"Compiler", "Compiled", "Roadmap", "model", "__version__"}
    for name in roadmap_gen.__all__:
        assert getattr(roadmap_gen, name) is not None
    compiled = roadmap_gen.Compiler(Path(__file__).parent / "fixtures" / "basic" / "content").compile(
        __import__("datetime").date(2026, 11, 25))
    assert compiled.ok and isinstance(compiled.roadmap, roadmap_gen.Roadmap)


def test_the_plugin_module_holds_events_only():
    """The MkDocs adapter delegates: no page HTML, view or compiler logic in mkdocs/."""
    text = "".join(p.read_text(encoding="utf-8") for p in (PACKAGE / "mkdocs").glob("*.py"))
    for sign in ("<div", "<p>", "jinja2", "import gc", "os.environ[", "._priority", "._content", "os.fork"):
        assert sign not in text, sign
