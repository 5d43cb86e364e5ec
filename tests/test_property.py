"""Random edits to a valid roadmap never crash the compiler: it answers with located diagnostics."""
from __future__ import annotations

import json
import re
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import BASIC
from roadmap_gen.compile.compiler import Compiler
from roadmap_gen.site.export import roadmap_data, to_json
from roadmap_gen.format.spec import FILE_SPECS

DIAG = re.compile(r"^[^:]+:\d+:\d+: ")
CONTENT = BASIC / "content"
FILES: dict[str, bytes] = {p.relative_to(CONTENT).as_posix(): p.read_bytes()
                           for p in sorted(CONTENT.rglob("*")) if p.is_file()}
NAMES = sorted(FILES)
YAML_NAMES = [n for n in NAMES if not n.endswith(".csv")]
FIELD_NAMES = sorted({f.name for spec in FILE_SPECS.values() for f in spec.fields}
                     | {f.name for spec in FILE_SPECS.values() for f in spec.fields
                        for f in (f.spec.fields if f.spec else ())})

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

NASTY_VALUES = [
    "no", "yes", "on", "off", "~", "null", "0755", "1.10", ".inf", "-.nan", "1e999", "9" * 400, "2026-13-31",
    "2026-02-29", "0000-01-01", "9999-12-31", "9999-Q4", "0000", "&a x", "*a", "!!python/object:os.system x",
    "!custom x", "[a, b]", "{a: 1}", "[", "{", "\"unterminated", "'", "- x", "|\n  block", ">-", "? k",
    "---", "...", "\t", "  ", "", "é", "\u202e", "\x00", "\x85", "javascript:alert(1)", "99999999999 months",
    "999999999 days", "onboard", "first-value", "week-one-activation", "activation", "self-serve", "a, b",
]

yaml_value = st.one_of(
    st.sampled_from(NASTY_VALUES),
    st.text(max_size=20),
    st.integers(min_value=-10**20, max_value=10**20).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.dates().map(date.isoformat),
    st.lists(st.sampled_from(NASTY_VALUES[:20]), max_size=3).map(lambda xs: "[" + ", ".join(xs) + "]"),
)


def line_count(data: bytes) -> int:
    """An upper bound for the lines of a file: YAML and CSV also break lines at CR, NEL, LS and PS."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return sum(text.count(c) for c in "\n\r\x85\u2028\u2029") + 1


def check(files: dict[str, bytes]) -> None:
    """Compile ``files`` as a content folder; it must not raise, and every diagnostic is located."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        content = root / "content"
        for rel, data in files.items():
            path = content / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        result = Compiler(content, display_base=root).compile(date(2026, 11, 25))
        for d in result.diagnostics:
            text = str(d)
            assert DIAG.match(text), text
            assert d.loc.line >= 1 and d.loc.column >= 1, text
            rel = d.loc.path.removeprefix("content/")
            if rel in files:  # a line inside the file it names (or the end of a file without a final newline)
                assert d.loc.line <= line_count(files[rel]) + 1, text
        if result.ok:
            data = json.loads(to_json(roadmap_data(result.roadmap, result.figures)),
                              parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))
            assert data["format"] == 1
        assert result.ok or result.errors


def test_fixture_is_clean():
    result = Compiler(CONTENT).compile(date(2026, 11, 25))
    assert result.ok and result.diagnostics == []


edit = st.tuples(st.sampled_from(["insert", "delete", "replace"]), st.integers(min_value=0),
                 st.integers(min_value=1, max_value=8), st.binary(min_size=1, max_size=8))


@SETTINGS
@given(name=st.sampled_from(NAMES), edits=st.lists(edit, min_size=1, max_size=5))
def test_random_byte_edits_never_crash(name, edits):
    data = bytearray(FILES[name])
    for op, pos, length, payload in edits:
        pos %= len(data) + 1
        if op == "insert":
            data[pos:pos] = payload
        elif op == "delete":
            del data[pos:pos + length]
        else:
            data[pos:pos + len(payload)] = payload
    check({**FILES, name: bytes(data)})


@SETTINGS
@given(name=st.sampled_from(NAMES), pos=st.integers(min_value=0), junk=st.text(min_size=1, max_size=12),
       replace=st.booleans())
def test_random_unicode_edits_never_crash(name, pos, junk, replace):
    text = FILES[name].decode("utf-8")
    pos %= len(text) + 1
    text = text[:pos] + junk + text[pos + (len(junk) if replace else 0):]
    check({**FILES, name: text.encode("utf-8")})


@SETTINGS
@given(name=st.sampled_from(YAML_NAMES), line=st.integers(min_value=0),
       key=st.one_of(st.sampled_from(FIELD_NAMES), st.text(min_size=1, max_size=10)), value=yaml_value,
       replace=st.booleans())
def test_random_yaml_values_for_random_keys_never_crash(name, line, key, value, replace):
    lines = FILES[name].decode("utf-8").split("\n")
    # stay inside front matter for Markdown files; anywhere for YAML files
    last = lines.index("---", 1) if name.endswith(".md") else len(lines)
    first = 1 if name.endswith(".md") else 0
    i = first + line % max(1, last - first)
    indent = re.match(r"[ -]*", lines[i] if i < len(lines) else "").group(0).replace("-", " ")
    new = f"{indent}{key}: {value}"
    if replace and i < last:
        lines[i] = new
    else:
        lines.insert(i, new)
    check({**FILES, name: "\n".join(lines).encode("utf-8")})


@SETTINGS
@given(name=st.sampled_from(sorted(n for n in NAMES if n.endswith(".csv"))),
       rows=st.lists(st.tuples(st.one_of(st.dates().map(date.isoformat), st.text(max_size=12)),
                               st.one_of(yaml_value, st.floats().map(str)), st.text(max_size=8)), max_size=6))
def test_random_csv_rows_never_crash(name, rows):
    body = "".join(f"{d},{v},{n}\n" for d, v, n in rows)
    check({**FILES, name: (FILES[name].decode() + body).encode("utf-8")})


_SEGMENTS = st.sampled_from(["", ".", "..", "a", "b", "hypotheses", "x", "index.html", "x.html", "#top", "a#b"])
_URLS = st.builds(lambda parts, end, lead: lead + "/".join(parts) + end,
                  st.lists(_SEGMENTS, max_size=4), st.sampled_from(["", "/", "#k", "/#k"]), st.sampled_from(["", "/"]))


@settings(max_examples=3000, deadline=None)
@given(_URLS, _URLS)
def test_relative_urls_shortcut_gives_what_relative_url_gives(target: str, base: str):
    from roadmap_gen.site.urls import RelativeTo, relative_url

    assert RelativeTo(base)(target) == relative_url(target, base)


def test_relative_urls_shortcut_on_the_sites_own_urls():
    from roadmap_gen.site.urls import RelativeTo, item_url, page_url, relative_url

    urls = [page_url(src, d) for d in (True, False) for src in ("index.md", "journey/index.md", "kpis/index.md",
                                                                "hypotheses/index.md", "stages/book.md")]
    urls += [item_url(k, "some-id", d) for d in (True, False) for k in ("hypothesis", "outcome", "stage", "goal")]
    for base in urls:
        for target in urls:
            assert RelativeTo(base)(target) == relative_url(target, base), (target, base)
