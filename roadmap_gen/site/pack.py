"""The review pack outside MkDocs: the same template as the site's ``pack/`` page, as HTML and as PDF.

:func:`pack_html` renders ``roadmap/pack.html`` (the site's ``custom_dir``
overrides first) with a view model whose stylesheets are the theme's own files
and whose links lead to the site when its address is known (``<base href>``).
:func:`write_pdf` prints that HTML with WeasyPrint (the optional extra
``roadmap-gen[pdf]``), reading local files only: nothing is fetched from
another host.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Iterable

from roadmap_gen.site.assets import asset_sources
from roadmap_gen.site.labels import labels_for
from roadmap_gen.site.standalone import environment
from roadmap_gen.site.urls import page_url
from roadmap_gen.site.views import Links, SiteViews
from roadmap_gen.site.views.reviews import PACK_PAGE

PDF_CSS = "assets/roadmap-gen/pdf.css"
SVG_CSS = "assets/roadmap-gen/pdf-svg.css"
STATUS_FILLS = {"achieved": "#00695c", "on-track": "#2e7d32", "green": "#2e7d32", "at-risk": "#a35200",
                "amber": "#a35200", "off-track": "#c62828", "red": "#c62828"}
_SVG_OR_STATUS = re.compile(r'class="rg-(?:progress|score) rg-(?:progress|score)--(?P<status>[a-z-]+)"'
                            r'|<svg xmlns="http://www.w3.org/2000/svg"[^>]*>')
INSTALL_HINT = "the PDF needs WeasyPrint: pip install 'roadmap-gen[pdf]' (and Pango, e.g. apt-get install libpango-1.0-0)"


class PdfUnavailable(Exception):
    """WeasyPrint (or the Pango library it needs) is not installed; the message says how to install it."""


def pack_html(compiled: Any, reviews: Any = None, *, language: str | None = None, labels: dict | None = None,
              site_url: str = "", directory_urls: bool = True, custom_dirs: Iterable[Path] = ()) -> str:
    """The review pack as one HTML document, stylesheets linked as local files."""
    t = labels_for(language, labels or {})
    views = SiteViews(compiled, t, reviews=reviews, site_url=site_url)
    spec = next(s for s in views.review_pages() if s.src == PACK_PAGE)
    url = page_url(spec.src, directory_urls)
    view = spec.build(Links(url, directory_urls))
    sources = asset_sources()
    view["document"]["css"] = [sources[path].resolve().as_uri() for path in (*_css_paths(), PDF_CSS)]
    if site_url:
        view["document"]["base"] = site_url.rstrip("/") + "/" + url
    page = SimpleNamespace(content=spec.text, title=spec.title, url=url, meta={}, toc=[])
    return environment(custom_dirs).get_template(spec.template).render(roadmap=view, t=t, page=page, config={})


def styled_charts(html: str) -> str:
    """``html`` with the charts' colours inside each chart's ``<svg>`` (pdf-svg.css, and the fill of a bar by
    the status of the progress or score it draws), for WeasyPrint, which draws an SVG without the page's CSS."""
    css = asset_sources()[SVG_CSS].read_text(encoding="utf-8")
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S).replace("\n", " ").replace("<", "")
    status = ""

    def add(match: re.Match) -> str:
        nonlocal status
        if match.group("status"):
            status = match.group("status")
            return match.group(0)
        fill = STATUS_FILLS.get(status, "#616161")
        status = ""
        return match.group(0) + f"<style>{css} .rg-progress__fill, .rg-score__fill {{ fill: {fill}; }}</style>"
    return _SVG_OR_STATUS.sub(add, html)


def _css_paths() -> tuple[str, ...]:
    from roadmap_gen.site.views.documents import DOCUMENT_CSS

    return DOCUMENT_CSS


def write_pdf(html: str, out: Path) -> int:
    """Print ``html`` to ``out`` with WeasyPrint; the number of pages. Raises :class:`PdfUnavailable`."""
    try:
        import weasyprint
    except ImportError:
        raise PdfUnavailable(INSTALL_HINT) from None
    except OSError as exc:  # WeasyPrint is there, the Pango library it loads is not
        raise PdfUnavailable(f"{INSTALL_HINT} ({exc})") from None
    document = weasyprint.HTML(string=styled_charts(html), base_url=str(out.parent.resolve()), url_fetcher=_local_fetcher(weasyprint))
    rendered = document.render()
    rendered.write_pdf(str(out))
    return len(rendered.pages)


def _local_fetcher(weasyprint: Any) -> Any:
    """A fetcher of ``file:`` and ``data:`` URLs only."""
    fetcher_class = getattr(weasyprint, "URLFetcher", None)
    if fetcher_class is not None:
        return fetcher_class(allowed_protocols=("file", "data"))

    def fetch(url: str, *args: Any, **kwargs: Any) -> Any:  # WeasyPrint before URLFetcher
        if not url.startswith(("file:", "data:")):
            raise ValueError(f"not fetched: {url}")
        return weasyprint.default_url_fetcher(url, *args, **kwargs)
    return fetch
