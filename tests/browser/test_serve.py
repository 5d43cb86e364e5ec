"""`mkdocs serve` in Chromium: a content error turns the open page into the list of errors (live reload,
no click), and fixing it turns the page back; the page never hangs waiting for a build."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request

import pytest

from sitehelpers import BIN, clean_env, copy_basic, read


pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _up(url: str, timeout: float = 30) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return True
        except OSError:
            time.sleep(0.2)
    return False


def test_the_open_page_reloads_into_the_errors_and_back(browser, tmp_path):
    root = copy_basic(tmp_path / "src")
    hyp = root / "content/hypotheses/setup-checklist.md"
    good = read(hyp)
    port = _free_port()
    url = f"http://127.0.0.1:{port}/hypotheses/setup-checklist/"
    proc = subprocess.Popen([str(BIN / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}"], cwd=root, env=clean_env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        assert _up(url)
        page = context.new_page()
        page.goto(url)
        page.wait_for_selector(".rg-item-header")
        time.sleep(1)  # the livereload script is connected
        hyp.write_text(good.replace("horizon: now", "horizon: [now"), encoding="utf-8")
        page.wait_for_selector(".rg-errors", timeout=30_000)  # reloaded by itself
        assert page.inner_text("h1") == "The roadmap has 1 error"
        where = page.inner_text(".rg-errors__where")
        assert where.startswith("content/hypotheses/setup-checklist.md:4:")
        hyp.write_text(good, encoding="utf-8")
        page.wait_for_selector(".rg-item-header", timeout=30_000)
        assert page.inner_text("h1") == "A setup checklist gets clinics to a first booking"
    finally:
        context.close()
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
