"""Hostile content the compiler meets (issue 18): link schemes hidden behind Unicode spaces, files that are
not files (symlinks to secrets, /dev/zero, FIFOs, loops), values that write CI workflow commands, inputs
that crashed the build, bodies that stalled it, and ids that end in a newline. Real files, real symlinks,
real ``roadmap-gen`` and ``mkdocs`` processes."""
from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import pytest
import yaml

from conftest import compile_roadmap, make_roadmap, messages, run_cli
from sitehelpers import basic_content, build, clean_env, content, mkdocs, page, run, write_site, BIN

HYP = {"title": "H", "stage": "onboard", "horizon": "now", "we_believe": "a", "will_result_in": "b",
       "we_will_know_when": "c", "status": "idea"}


def md(front: dict, body: str = "") -> str:
    return "---\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True) + "---\n" + body


# -- 1. a link's scheme behind a Unicode space -------------------------------------------------------------

UNICODE_SPACES = ["\u0085", "\u00a0", "\u1680", *map(chr, range(0x2000, 0x200B)), "\u2028", "\u2029", "\u202f",
                  "\u205f", "\u3000", "\ufeff", "\u200b"]
SCHEMES = ["javascript:alert(document.domain)", "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>"]


def test_a_scheme_behind_any_unicode_space_is_an_error_in_check_and_build(tmp_path):
    bad = [space + scheme for space in UNICODE_SPACES for scheme in SCHEMES]
    bad += ["java\u00a0script:alert(1)", "https://example.org/\u202egnp.exe", "\u2028\u3000 JaVaScRiPt:alert(1)"]
    links = [{"title": f"L{i}", "url": u} for i, u in enumerate(bad)]
    links.append({"title": "fine", "url": "\u00a0https://example.org/docs\u3000"})
    root = write_site(tmp_path / "src", {**basic_content(), "hypotheses/h.md": md({**HYP, "links": links})})
    proc = run([BIN / "roadmap-gen", "check"], cwd=root)
    assert proc.returncode == 1
    errors = [ln for ln in proc.stdout.splitlines() if ln.startswith("content/hypotheses/h.md:")]
    assert len(errors) == len(bad), proc.stdout
    assert all("scheme; only http, https, mailto" in ln or "invisible or control character" in ln for ln in errors)
    built = mkdocs(root, "build", "-d", tmp_path / "site")
    assert built.returncode == 1 and all(ln in built.stderr for ln in errors)


def test_the_url_stored_is_the_url_checked(tmp_path):
    root = make_roadmap(tmp_path, {"hypotheses/h.md": md({**HYP, "links": [
        {"title": "docs", "url": "\u00a0\u2003https://example.org/docs\u3000\n"}, {"title": "rel", "url": " ../x/ "}]})})
    result = compile_roadmap(root)
    assert result.ok, messages(result)
    urls = [link["url"] for link in result.roadmap.get("hypothesis", "h").fields["links"]]
    assert urls == ["https://example.org/docs", "../x/"]


# -- 2. only regular files inside the content folder are read -------------------------------------------

SECRET = "s3cr3t-token-e2b1c7"


def _site_with(tmp_path: Path, link: str, target: str | None = None, make=None) -> Path:
    root = write_site(tmp_path / "src", basic_content())
    path = root / "content" / link
    if path.exists() or path.is_symlink():
        path.unlink()
    if make is not None:
        make(path)
    else:
        os.symlink(target, path)
    return root


def _check_and_build(root: Path, tmp_path: Path, timeout: float = 30):
    env = clean_env(CI_SECRET_TOKEN=SECRET)
    check = run([BIN / "roadmap-gen", "check", "--format", "github"], cwd=root, env=env, timeout=timeout)
    built = run([BIN / "mkdocs", "build", "-d", tmp_path / "site"], cwd=root, env=env, timeout=timeout)
    return check, built


@pytest.mark.parametrize("link,target,secret", [
    ("metrics/arr.csv", "/proc/self/environ", SECRET),
    ("metrics.yml", "/etc/passwd", "root:"),
    ("roadmap.yml", "/dev/zero", None),
    ("hypotheses/setup-checklist.md", "/proc/self/environ", SECRET),
    ("themes/first-value.md", "../questions/why-no-booking.md", None),  # a question linked as a theme
    ("okrs/grow-activation.yml", "../journey.yml", None),  # the journey linked as an OKR
])
def test_a_symlink_is_refused_where_it_is_and_never_read(tmp_path, link, target, secret):
    root = _site_with(tmp_path, link, target)
    check, built = _check_and_build(root, tmp_path)
    for proc in (check, built):
        out = proc.stdout + proc.stderr
        assert proc.returncode == 1 and "Traceback" not in out, out[-2000:]
        assert f"content/{link}:1:1: is a symbolic link (to `{target}`)" in out
        if secret:
            assert secret not in out
    annotations = [ln for ln in check.stdout.splitlines() if ln.startswith("::")]
    assert any(f"file=content/{link}," in ln for ln in annotations)


def test_a_symlinked_folder_a_loop_and_a_dangling_link_are_refused(tmp_path):
    root = write_site(tmp_path / "src", basic_content())
    c = root / "content"
    os.symlink("/etc", c / "notes")
    os.symlink("b.md", c / "themes" / "a.md")
    os.symlink("a.md", c / "themes" / "b.md")
    os.symlink("nowhere.md", c / "themes" / "dangling.md")
    proc = run_cli("check", root)
    assert proc[0] == 1 and "Traceback" not in proc[2]
    for rel in ("notes", "themes/a.md", "themes/b.md", "themes/dangling.md"):
        assert f"content/{rel}:1:1: is a symbolic link" in proc[1], proc[1]
    assert "passwd" not in proc[1]


def test_a_fifo_does_not_hang_and_a_huge_file_is_not_read(tmp_path):
    root = _site_with(tmp_path, "hypotheses/sms-reminders.md", make=os.mkfifo)
    big = root / "content" / "themes" / "first-value.md"
    with open(big, "r+b") as fh:
        fh.truncate(8 * 1024 ** 3)  # sparse: 8 GB that reading would take minutes and all the memory
    t0 = time.perf_counter()
    check, built = _check_and_build(root, tmp_path, timeout=60)
    assert time.perf_counter() - t0 < 40
    for proc in (check, built):
        out = proc.stdout + proc.stderr
        assert proc.returncode == 1 and "Traceback" not in out
        assert "content/hypotheses/sms-reminders.md:1:1: is a named pipe (FIFO)" in out
        assert "content/themes/first-value.md:1:1: file is 8,589,934,592 bytes, over the 1,000,000-byte limit" in out


# -- 4. values never write lines a CI runner obeys ------------------------------------------------------------

INJECT = "x\n::error file=README.md,line=1::Injected\n::add-mask::Stridewell\r\n\x1b[2J\u202e"


def _no_command_lines(text: str, ours: int = 0) -> None:
    commands = [ln for ln in re.split(r"\r\n|\r|\n", text) if ln.lstrip().startswith("::")]
    assert len(commands) == ours, commands
    assert all(re.match(r"^::(error|warning) file=content/", ln) for ln in commands), commands
    assert "\x1b" not in text and "\u202e" not in text


def test_values_with_line_breaks_are_escaped_in_every_output(tmp_path):
    files = {**basic_content(), "hypotheses/h.md": md({**HYP, "status": INJECT, "confidence": INJECT}),
             "okrs/k.yml": yaml.safe_dump({"objective": "O", "period": INJECT, "key_results": [
                 {"title": "K", "from": 0, "to": 1, "current": INJECT}]}),
             "metrics/tickets.csv": f'date,value\n2026-01-01,"{INJECT}"\n'}
    files["themes/first-value.md"] = files["themes/first-value.md"].replace("---\n", f"---\n{INJECT!r}: 1\n".replace("'", '"'), 1)
    root = write_site(tmp_path / "src", files)
    (root / "content" / "hypotheses" / "bad\n::error::named.md").write_text("x", encoding="utf-8")
    text = run([BIN / "roadmap-gen", "check"], cwd=root)
    github = run([BIN / "roadmap-gen", "check", "--format", "github"], cwd=root)
    built = run([BIN / "mkdocs", "build", "-d", tmp_path / "site"], cwd=root)
    assert text.returncode == github.returncode == built.returncode == 1
    n = len(text.stdout.splitlines())
    assert n >= 6  # the values are shown, escaped and shortened, each on its own line
    for out in (text.stdout, text.stderr, built.stdout, built.stderr):
        _no_command_lines(out)
    _no_command_lines(github.stdout, ours=n)
    assert "`x\\n::error file=README.md,line=1::Injecte…`" in text.stdout


# -- 6. what check accepts, the build builds; what the build cannot, check refuses ----------------------

def test_a_series_from_minus_to_plus_1e308_builds(tmp_path):
    files = basic_content()
    files["metrics/arr.csv"] = "date,value,note\n2026-01-01,-1e308,\n2026-06-01,1.7976931348623157e308,\n"
    root = write_site(tmp_path / "src", files)
    assert run_cli("check", root)[0] == 0
    site = build(root, tmp_path / "site")
    assert content(page(site, "metrics/arr/index.html")).find("svg", cls="rg-chart")


@pytest.mark.parametrize("as_of,ok", [("1969-12-31", False), ("2106-02-08", False), ("0001-01-01", False),
                                      ("1970-01-01", True), ("2106-02-07", True)])
def test_as_of_out_of_the_sitemaps_range_is_refused_by_check_and_build_alike(tmp_path, as_of, ok):
    cfg = f"site_name: x\ntheme: {{name: material, font: false}}\nplugins:\n  - outcome-roadmap:\n      as_of: {as_of}\n"
    root = write_site(tmp_path / "src", basic_content(), config=cfg)
    code, _, err = run_cli("check", root)
    built = mkdocs(root, "build", "-d", tmp_path / "site")
    assert "Traceback" not in err + built.stderr
    if ok:
        assert code == 0 and built.returncode == 0, built.stderr
        assert (tmp_path / "site" / "sitemap.xml.gz").is_file()
    else:
        assert code == 2 and built.returncode == 1
        message = f"as_of {as_of} is out of range: a site can be as of 1970-01-01 to 2106-02-07"
        assert message in err and message in built.stderr
        assert run_cli("check", root, "--as-of", as_of)[0] == 2


# -- 7. no body stalls a build ---------------------------------------------------------------------------------

STALLS = {"brackets": "[" * 40_000, "nested": "[" * 20_000 + "]" * 20_000, "images": "![" * 20_000,
          "open-links": "[x](" * 20_000, "emphasis": "*a" * 60_000, "escapes": "\\[" * 40_000,
          "autolinks": "<http://" * 40_000}


def test_no_body_holds_a_build_for_more_than_a_few_seconds(tmp_path):
    files = basic_content()
    for name, body in STALLS.items():
        files[f"themes/{name}.md"] = md({"title": name, "stage": "onboard", "horizon": "now"}, body + "\n")
    root = write_site(tmp_path / "src", files)
    t0 = time.perf_counter()
    site = build(root, tmp_path / "site")
    elapsed = time.perf_counter() - t0
    assert elapsed < 30, f"{elapsed:.1f} s"  # every body above took minutes (brackets: 95 s for 20,000)
    body = content(page(site, "themes/brackets/index.html")).find("div", cls="rg-body")
    assert body.find("pre").text().strip() == STALLS["brackets"]  # shown as written
    t0 = time.perf_counter()
    assert run_cli("pages", root, "--out", tmp_path / "pages", timeout=120)[0] == 0
    assert time.perf_counter() - t0 < 30


def test_real_text_keeps_its_markdown():
    from roadmap_gen.site.sanitize import defuse

    para = ("A [link](https://example.org/a_(b)) and ![img](x.png) with *em*, `code < 1`, <b>bold</b>, "
            "a footnote[^1] and <https://example.org>. ") * 40
    body = "# Notes\n\n" + para + "\n\n```\n" + "[" * 5000 + "\n```\n\n" + para + "\n"
    assert defuse(body) == body
    for path in Path(__file__).parent.joinpath("fixtures").rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        assert defuse(text) == text, path


# -- 8. ids, periods and cadences match in full ---------------------------------------------------------------

def test_a_final_newline_makes_an_id_period_or_cadence_invalid(tmp_path):
    root = make_roadmap(tmp_path, {
        "roadmap.yml": 'title: T\nvision: V\nmission: M\nreview: {last: 2026-01-01, every: "3 months\\n"}\n'
                       'goals:\n  - {id: "g1\\n", title: G}\n',
        "journey.yml": 'stages:\n  - {id: "onboard\\n", title: O}\n  - {id: ok, title: K}\n',
        "metrics.yml": 'metrics:\n  - {id: m, title: M, category: business, review: "2 weeks\\n"}\n',
        "okrs/k.yml": 'objective: O\nperiod: "2026-Q4\\n"\nkey_results:\n  - {title: K, from: 0, to: 1, current: 0}\n',
        "themes/t.md": md({"title": "T", "stage": "ok\n", "horizon": "now"}),
        "metrics/m.csv": "date,value\n\u0662\u0660\u0662\u0666-01-01,1\n",
    })
    text = "\n".join(messages(compile_roadmap(root)))
    for what in ("id `g1\\n`", "id `onboard\\n`", "`2026-Q4\\n` is not a period", "`3 months\\n` is not a cadence",
                 "`2 weeks\\n` is not a cadence", "reference `stage` `ok\\n`", "`٢٠٢٦-01-01` is not a date"):
        assert what in text, (what, text)


def test_export_of_the_checked_roadmap_has_no_hidden_scheme(tmp_path):
    root = make_roadmap(tmp_path, {"hypotheses/h.md": md({**HYP, "links": [
        {"title": "a", "url": "\u2028https://example.org/"}]})})
    code, out, err = run_cli("export", root)
    assert code == 0, err
    data = json.loads(out)
    assert data["hypotheses"][0]["links"] == [{"title": "a", "url": "https://example.org/"}]


# -- 5. exported pages stay HTML in a CommonMark engine -------------------------------------------------------

def test_a_carriage_return_or_blank_line_never_ends_an_exported_html_block(tmp_path):
    from markdown_it import MarkdownIt

    evil = "a\r\r[x](javascript:alert(1))\r\n\r\n<b onclick=alert(2)>b</b>\n\n# heading\n\n    code"
    root = make_roadmap(tmp_path, {"hypotheses/h.md": md({**HYP, "title": evil, "we_believe": evil, "team": evil})})
    code, _, err = run_cli("pages", root, "--out", tmp_path / "pages")
    assert code == 0, err
    markdown = (tmp_path / "pages" / "hypotheses" / "h" / "index.md").read_text(encoding="utf-8")
    body = markdown.split("\n---\n", 1)[1]
    engine = MarkdownIt("commonmark")
    assert [t.type for t in engine.parse(body)] == ["html_block"]
    html = engine.render(body)
    assert "javascript:alert(1)" in html and 'href="javascript' not in html and "<b onclick" not in html
