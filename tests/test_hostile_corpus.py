"""A corpus of hostile values in every text field of every kind (issue 18): scripts, template syntax,
control characters, Unicode spaces and bidi marks, blank lines, CI workflow commands. One site is built
with mkdocs-macros-plugin beside ours, exported (``roadmap-gen export``, ``roadmap-gen pages`` read by a
CommonMark engine) and run through the CLI (``check`` on a broken copy, ``diff``, ``history``); nothing may
be live, evaluated or echoed raw anywhere.

The site is built once per module; every field of :mod:`roadmap_gen.format.spec` whose type is text is
filled (the test fails when a field of the format is left out), each with its own label ``F<n>``.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from sitehelpers import (BIN, basic_content, clean_env, html_pages, mkdocs_config, parse, read, run, write_site)
from roadmap_gen.format import spec as S

# -- the corpus ------------------------------------------------------------------------------------------

EVAL_MARKS = ("XEVAL", "AQBQ", "PWNED", "SEVENSEVEN")  # what the template syntax below prints if it runs
CORPUS = (
    "<script>alert(1)</script>", '"><img src=x onerror=alert(2)>', "<a href='javascript:alert(3)'>a</a>",
    "[md](javascript:alert(4)) <javascript:alert(5)>", "\u00a0javascript:alert(6)",
    "{{ 'X' ~ 'EVAL' }}", "{% for i in 'AB' %}{{ i }}Q{% endfor %}",
    "{{ lipsum.__globals__['os'].popen('echo PWN''ED').read() }}", "{{ 'SEVEN' * 2 }}", "${7*7} #{7*7} {# c #}",
    "\x1b[31mred\x1b[0m \x07\x7f", "\u00a0\u1680\u2003\u3000 \u200b\ufeff", "\u202eevil\u202c \u2066x\u2069 \u200f",
    "\u2028line\u2029para\x85nel", "a\n\n<script>alert(7)</script>\n\n# heading\n\n    code",
    "\r\r[x](javascript:alert(8))\r\n\r\n<img src=x onerror=alert(9)>",
    "\n::error file=README.md,line=1::Injected\n::add-mask::Stridewell\n", "%0A::warning::x %25 %",
)
HOSTILE = " ".join(CORPUS)
BODY = ("# Body heading\n\n" + "\n\n".join(CORPUS) + "\n\n<iframe src='javascript:alert(10)'></iframe>\n\n"
        "<div onclick=alert(11)>div</div>\n\n{{ 'X' ~ 'EVAL' }} {% raw %}raw{% endraw %}\n")
TEXT_TYPES = (S.TEXT, S.TEXTS, S.MIXED)


def _text_fields() -> set[tuple[str, str]]:
    """(spec, field) of every text field of the format, nested specs included."""
    out, todo, seen = set(), list(S.FILE_SPECS.values()), set()
    while todo:
        spec = todo.pop()
        if spec.name in seen:
            continue
        seen.add(spec.name)
        for f in spec.fields:
            if f.type in TEXT_TYPES:
                out.add((spec.name, f.name))
            if f.spec is not None:
                todo.append(f.spec)
    return out


class _Filler:
    """Fills every text field of a YAML mapping (and its nested ones) with ``F<n> `` + the corpus."""

    def __init__(self) -> None:
        self.n = 0
        self.filled: set[tuple[str, str]] = set()
        self.values: list[str] = []

    def value(self) -> str:
        self.n += 1
        text = f"F{self.n:03d} {HOSTILE}"
        self.values.append(text)
        return text

    def fill(self, data: dict, spec: S.Spec) -> dict:
        for f in spec.fields:
            if f.type == S.TEXT:
                data[f.name] = self.value()
            elif f.type == S.TEXTS:
                data[f.name] = [self.value(), self.value()]
            elif f.type == S.MIXED:  # journey behaviours: a text, and one with an id whose texts are filled too
                data[f.name] = [self.value(), self.fill({"id": f"hostile-{spec.name}-{f.name}-{self.n}"}, f.spec)]
            elif f.type == S.OBJECTS and f.name in data:
                data[f.name] = [self.fill(dict(x), f.spec) for x in data[f.name]]
            elif f.type == S.OBJECT and f.name in data:
                data[f.name] = self.fill(dict(data[f.name]), f.spec)
            else:
                continue
            self.filled.add((spec.name, f.name))
        return data


def hostile_roadmap() -> tuple[dict[str, str], _Filler]:
    files, filler = basic_content(), _Filler()
    head = yaml.safe_load(files["roadmap.yml"])
    head["strategies"][0]["tactics"][0]["description"] = "x"  # the fixture has none; the filler replaces it
    files["roadmap.yml"] = yaml.safe_dump(filler.fill(head, S.ROADMAP), allow_unicode=True, sort_keys=False)
    journey = yaml.safe_load(files["journey.yml"])  # as one of several journeys, so the journey's texts are filled
    files["journey.yml"] = yaml.safe_dump({"journeys": [{"id": "people", "title": "x", "description": "x",
                                                         "stages": journey["stages"]}]}, allow_unicode=True)
    for name, spec in (("journey.yml", S.JOURNEY), ("metrics.yml", S.METRICS)):
        files[name] = yaml.safe_dump(filler.fill(yaml.safe_load(files[name]), spec), allow_unicode=True)
    folders = {"outcomes": S.OUTCOME, "themes": S.THEME, "questions": S.QUESTION, "hypotheses": S.HYPOTHESIS,
               "opportunities": S.OPPORTUNITY, "okrs": S.OKR, "insights": S.INSIGHT}
    files["insights/interviews.md"] = ("---\ntitle: x\ndate: 2026-10-01\nsource: x\nurl: https://example.org/n\n"
                                       "hypotheses: [setup-checklist]\nopportunities: [setup-is-confusing]\n---\n")
    for rel in sorted(files):
        folder = rel.split("/")[0]
        if folder not in folders:
            continue
        if rel.endswith(".yml"):
            files[rel] = yaml.safe_dump(filler.fill(yaml.safe_load(files[rel]), folders[folder]), allow_unicode=True)
            continue
        front = yaml.safe_load(files[rel].split("---\n")[1])
        if folder == "questions":
            front["status"] = "answered"
        files[rel] = ("---\n" + yaml.safe_dump(filler.fill(front, folders[folder]), allow_unicode=True) + "---\n"
                      + BODY)
    note = f"F{filler.n + 1:03d} {HOSTILE}"
    filler.values.append(note)
    files["metrics/activation.csv"] = "date,value,note\n2026-03-01,24,\n2026-11-01,37," + \
        '"' + note.replace('"', '""') + '"\n'
    return files, filler


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The hostile roadmap built with mkdocs-macros-plugin, exported, written as pages; and its filler."""
    tmp = tmp_path_factory.mktemp("corpus")
    files, filler = hostile_roadmap()
    config = mkdocs_config()
    config["plugins"] = ["search", "macros", config["plugins"][1]]
    root = write_site(tmp / "src", files, config=config)
    built = run([BIN / "mkdocs", "build", "--strict", "-d", tmp / "site"], cwd=root, timeout=300)
    assert built.returncode == 0, built.stderr[-3000:]
    export = run([BIN / "roadmap-gen", "export", root], cwd=tmp)
    pages = run([BIN / "roadmap-gen", "pages", root, "--out", tmp / "pages"], cwd=tmp)
    assert export.returncode == 0 and pages.returncode == 0, export.stderr + pages.stderr
    return {"root": root, "site": tmp / "site", "pages": tmp / "pages", "export": export.stdout,
            "build_log": built.stdout + built.stderr, "filler": filler, "tmp": tmp}


def test_every_text_field_of_every_kind_is_in_the_corpus(corpus):
    assert _text_fields() <= corpus["filler"].filled, _text_fields() - corpus["filler"].filled


# -- the site ------------------------------------------------------------------------------------------------

LIVE_URL = re.compile(r"^(javascript|vbscript|data):", re.I)


class _Live(HTMLParser):
    """Everything in an HTML document that could run: script elements, handlers, script URLs, frames."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        if tag in ("iframe", "object", "embed", "frame", "base"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag} {name}={value}")
            if name in ("href", "src", "action", "formaction", "xlink:href", "srcdoc", "data") and value:
                if LIVE_URL.match(re.sub(r"[\x00-\x20\x7f-\xa0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000"
                                         r"\ufeff]", "", value)):
                    self.found.append(f"{tag} {name}={value}")
        self._in_script = tag == "script" and not dict(attrs).get("src")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def live(html: str) -> _Live:
    p = _Live()
    p.feed(html)
    p.close()
    return p


def test_nothing_on_the_site_is_live(corpus):
    pages = html_pages(corpus["site"])
    assert len(pages) > 20
    for path in pages:
        found = live(read(path))
        assert found.found == [], (path, found.found[:5])
        for script in found.scripts:
            assert "alert(" not in script and "Injected" not in script, (path, script[:200])


def test_no_template_syntax_ran_in_the_build(corpus):
    """mkdocs-macros-plugin is on: generated pages are marked ``render_macros: false`` and carry their
    YAML text as escaped HTML, so neither the fields nor the bodies are evaluated."""
    for path in corpus["site"].rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml"):
            text = read(path)
            for mark in EVAL_MARKS:
                assert mark not in text, (path, mark)
    for mark in EVAL_MARKS:
        assert mark not in corpus["build_log"]


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_every_value_is_shown_literally_on_the_site(corpus):
    """Each field's text (label, scripts, template syntax) appears as text on some page."""
    texts = []
    for path in html_pages(corpus["site"]):
        texts.append(_flat(parse(read(path)).text()))
    site_text = "\n".join(texts)
    shown = "{{ 'X' ~ 'EVAL' }} {% for i in 'AB' %}{{ i }}Q{% endfor %}"
    missing = []
    for value in corpus["filler"].values:
        label = value[:4]
        at = site_text.find(label + " <script>alert(1)</script> \"><img src=x onerror=alert(2)>")
        if at < 0 or shown not in site_text[at:at + 600]:
            missing.append(label)
    assert missing == [], missing


def test_page_bodies_are_sanitised_and_literal(corpus):
    doc = parse(read(corpus["site"] / "hypotheses" / "setup-checklist" / "index.html"))
    body = doc.find("div", cls="rg-body")
    text = _flat(body.text())
    assert "{{ 'X' ~ 'EVAL' }}" in text and "{% raw %}raw{% endraw %}" in text
    assert not body.has("script") and not body.has("iframe")


def test_the_search_index_holds_text_only(corpus):
    data = json.loads(read(corpus["site"] / "search" / "search_index.json"))
    for doc in data["docs"]:
        for field in ("title", "text"):
            value = (doc.get(field) or "").lower()
            assert "<script" not in value and "<img" not in value and "<iframe" not in value, doc["location"]


# -- roadmap.json -----------------------------------------------------------------------------------------------

def _strings(data) -> set[str]:
    if isinstance(data, str):
        return {data}
    if isinstance(data, dict):
        return set().union(*(_strings(v) for v in data.values())) if data else set()
    if isinstance(data, list):
        return set().union(*(_strings(v) for v in data)) if data else set()
    return set()


def test_the_export_holds_every_value_exactly_as_written(corpus):
    exported = _strings(json.loads(corpus["export"]))
    assert set(corpus["filler"].values) <= exported
    assert read(corpus["site"] / "roadmap.json") == corpus["export"]


# -- roadmap-gen pages, read by a CommonMark engine ----------------------------------------------------------------

def test_exported_pages_stay_one_html_block_in_commonmark(corpus):
    """markdown-it-py (CommonMark, raw HTML on): each exported page, after its front matter, is one HTML
    block, so no field text is read as Markdown, and the HTML it gives has nothing live."""
    from markdown_it import MarkdownIt

    engine = MarkdownIt("commonmark")
    pages = sorted(corpus["pages"].rglob("*.md"))
    assert len(pages) > 20
    for path in pages:
        text = read(path)
        assert text.startswith("---\n")
        body = text.split("\n---\n", 1)[1]
        tokens = [t.type for t in engine.parse(body)]
        assert tokens == ["html_block"], (path, tokens[:10])
        found = live(engine.render(body))
        assert found.found == [] and found.scripts == [], (path, found.found[:5])


# -- the command line ---------------------------------------------------------------------------------------

COMMAND = re.compile(r"^\s*::", re.M)
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f\x85\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f]")


def _safe_output(text: str, annotations: int = 0) -> None:
    lines = re.split(r"\r\n|\r|\n", text)
    commands = [ln for ln in lines if COMMAND.match(ln)]
    assert len(commands) == annotations, commands[:5]
    assert all(re.match(r"^::(error|warning) file=content/", ln) for ln in commands)
    assert not RAW.search(text), repr(RAW.search(text))


def test_check_and_build_echo_hostile_values_escaped(corpus, tmp_path):
    """A copy whose enums, dates, numbers, ids, keys and CSV cells hold the corpus: every error message
    quotes them escaped, on one line, in the text and GitHub formats and in the build log."""
    root = corpus["root"]
    broken = tmp_path / "broken"
    subprocess.run(["cp", "-r", str(root), str(broken)], check=True)
    c = broken / "content"
    hyp = c / "hypotheses" / "setup-checklist.md"
    bad = json.dumps(HOSTILE)
    hyp.write_text(read(hyp).replace("status: testing", f"status: {bad}\nhorizon_typo: {bad}\n{bad}: 1", 1),
                   encoding="utf-8")
    (c / "okrs" / "bad.yml").write_text(f"objective: O\nperiod: {bad}\nkey_results:\n  - title: K\n    from: {bad}\n"
                                        f"    to: 1\n    current: 0\n", encoding="utf-8")
    (c / "metrics" / "tickets.csv").write_text(f'date,value\n"{HOSTILE}",1\n2026-01-02,"{HOSTILE}"\n',
                                               encoding="utf-8")
    (c / "themes" / "Bad\n::error::Name.md").write_text("x", encoding="utf-8")
    env = clean_env()
    text = run([BIN / "roadmap-gen", "check"], cwd=broken, env=env)
    github = run([BIN / "roadmap-gen", "check", "--format", "github"], cwd=broken, env=env)
    built = run([BIN / "mkdocs", "build", "-d", tmp_path / "site"], cwd=broken, env=env)
    assert text.returncode == github.returncode == built.returncode == 1
    n = len(text.stdout.splitlines())
    assert n >= 8
    for out in (text.stdout, text.stderr, built.stdout, built.stderr, github.stderr):
        _safe_output(out)
    _safe_output(github.stdout, annotations=n)
    assert max(len(ln) for ln in text.stdout.splitlines()) < 400  # excerpts, never whole values


def _git(root: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "A", "GIT_AUTHOR_EMAIL": "a@example.org", "GIT_COMMITTER_NAME": "A",
           "GIT_COMMITTER_EMAIL": "a@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_DATE": "2026-11-01T10:00:00+00:00", "GIT_COMMITTER_DATE": "2026-11-01T10:00:00+00:00"}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def test_diff_and_history_print_hostile_values_escaped(corpus, tmp_path):
    root = tmp_path / "repo"
    write_site(root, basic_content())
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "Start")
    files, _ = hostile_roadmap()
    write_site(root, files)
    for fmt in ("text", "markdown"):
        proc = run([BIN / "roadmap-gen", "diff", "HEAD", "--path", root, "--format", fmt], cwd=root)
        assert proc.returncode == 0, proc.stderr
        assert "F001" in proc.stdout
        _safe_output(proc.stdout)
        for mark in EVAL_MARKS:
            assert mark not in proc.stdout
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "Hostile \x1b[31m subject")
    proc = run([BIN / "roadmap-gen", "history", root], cwd=root)
    assert proc.returncode == 0 and "F001" in proc.stdout, proc.stderr
    _safe_output(proc.stdout)
    atom = run([BIN / "roadmap-gen", "history", root, "--format", "atom"], cwd=root)
    assert atom.returncode == 0 and not COMMAND.search(atom.stdout)
