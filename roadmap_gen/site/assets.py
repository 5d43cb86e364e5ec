"""Where the theme's templates, stylesheets and scripts are, and where they go in a site."""

from __future__ import annotations

from pathlib import Path

ASSETS = ("assets/roadmap-gen/roadmap.css", "assets/roadmap-gen/charts.css", "assets/roadmap-gen/evidence.css",
          "assets/roadmap-gen/roadmap.js")
"""Site paths of the stylesheets and script every roadmap page uses."""
IFRAME_WORKER = "assets/roadmap-gen/iframe-worker-shim.js"
"""Local copy of the Worker shim Material's offline plugin would load from unpkg.com."""


def theme_dir() -> Path:
    """The folder with templates, CSS and JS: inside the wheel, or the repository's ``theme/``."""
    packaged = Path(__file__).resolve().parent.parent / "theme"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent.parent / "theme"


def templates_dir() -> Path:
    """The folder to put on a Jinja loader's path: our templates are ``roadmap/...`` inside it."""
    return theme_dir() / "templates"


def asset_sources() -> dict[str, Path]:
    """Every asset's site path and the file it is copied from."""
    base = theme_dir() / "assets"
    return {"assets/roadmap-gen/roadmap.css": base / "css" / "roadmap.css",
            "assets/roadmap-gen/charts.css": base / "css" / "charts.css",
            "assets/roadmap-gen/evidence.css": base / "css" / "evidence.css",
            "assets/roadmap-gen/roadmap.js": base / "js" / "roadmap.js",
            "assets/roadmap-gen/document.css": base / "css" / "document.css",  # pack and embeds only
            "assets/roadmap-gen/pdf.css": base / "css" / "pdf.css",  # the pack printed by WeasyPrint
            "assets/roadmap-gen/pdf-svg.css": base / "css" / "pdf-svg.css",  # its charts
            IFRAME_WORKER: base / "js" / "iframe-worker-shim.js"}
