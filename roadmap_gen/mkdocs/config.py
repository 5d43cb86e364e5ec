"""The plugin's options (``plugins: - outcome-roadmap: {...}`` in mkdocs.yml)."""

from __future__ import annotations

from datetime import date

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from roadmap_gen.compile.audience import AUDIENCES


class OutcomeRoadmapConfig(Config):
    content_dir = c.Type(str, default="content")
    """The roadmap folder, relative to mkdocs.yml."""
    as_of = c.Optional(c.Type((str, date)))
    """Date for time-based figures; default SOURCE_DATE_EPOCH, else today."""
    audience = c.Choice(AUDIENCES, default="internal")
    """``public`` builds only what is marked ``visibility: public``."""
    labels = c.Type(dict, default={})
    """Overrides of the site's labels, e.g. ``{"nav.journey": "Customer journey"}``."""
    allow_raw_html = c.Type(bool, default=False)
    """Let raw HTML and any link scheme through in Markdown bodies (off: sanitised)."""
    nav = c.Type(bool, default=True)
    """Add the roadmap's sections to the navigation."""
    json = c.Type(bool, default=True)
    """Publish roadmap.json at the site root."""
    edit_links = c.Type(bool, default=True)
    """Link item pages to their source files when repo_url and edit_uri are set."""
    history = c.Type(bool, default=True)
    """A changes page, History sections and an Atom feed from the content's git history."""
    history_limit = c.Type(int, default=100)
    """How many of the newest commits that changed the content the history covers."""
    review_tags = c.Type(str, default="review-*")
    """Git tags that mark a review (a glob): the reviews page and the pack's *since the last review*."""
