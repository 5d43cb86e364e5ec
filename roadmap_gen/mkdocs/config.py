"""The plugin's options (``plugins: - outcome-roadmap: {...}`` in mkdocs.yml)."""

from __future__ import annotations

from datetime import date

from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

from roadmap_gen.compile.audience import AUDIENCES
from roadmap_gen.compile.health import UnknownRule, check_rules


class HealthRules(c.BaseConfigOption[list]):
    """A list of roadmap health rule names; a name that is not a rule is an error naming the nearest."""

    def __init__(self) -> None:
        super().__init__()
        self.default = []

    def run_validation(self, value: Any) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            raise ValidationError(f"expected a list of rule names, found {value!r}")
        try:
            return list(check_rules(value))
        except UnknownRule as exc:
            raise ValidationError(str(exc)) from None


class HealthConfig(Config):
    ignore = HealthRules()
    """Roadmap health rules to switch off, e.g. ``[outcome-without-team]``."""


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
    health = c.SubConfig(HealthConfig)
    """Roadmap health: ``{ignore: [rule, ...]}`` switches rules off (the health page, roadmap.json)."""
