"""The Markdown source of a generated page: front matter, and only the text people wrote.

Text from YAML (a hypothesis statement, an answer, a description) is shown as
text: it goes into the page as a one-line HTML block, escaped, with its
braces and line breaks written as character references, so no Markdown
engine re-opens it and no template engine (mkdocs-macros, say) evaluates it.
A Markdown body follows as it is, under a heading of ours, for the site's
Markdown to convert. Everything else a page shows is drawn by its template.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from typing import Any, Callable

from roadmap_gen.site.sanitize import defuse

_INERT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;", "{": "&#123;",
                        "}": "&#125;", "%": "&#37;", "#": "&#35;", "\n": "&#10;", "\r": ""})


_YAML_ESCAPES = {c: f"\\u{c:04x}" for c in [*range(0x7F, 0xA0), 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF]}


def inert(text: str) -> str:
    """``text`` escaped for HTML, with nothing a Markdown or template engine acts on."""
    return text.translate(_INERT)


def text_block(tag: str, cls: str, text: str) -> str:
    """An HTML block of plain text, e.g. ``<p class="rg-lead">...</p>``."""
    return f'<{tag} class="{cls}">{inert(text)}</{tag}>'


def search_block(lines) -> str:
    """A page's key facts for the site search only: a hidden block (the page shows them in its header)."""
    return '<div class="rg-search" hidden>' + "".join(f"<p>{inert(x)}</p>" for x in lines if x) + "</div>"


@dataclass(frozen=True)
class PageSpec:
    """A generated page: where it goes, its title and template, its Markdown (text blocks and body), and
    the call that builds its view model for the template, given the page's links."""

    src: str
    title: str
    template: str
    build: Callable[[Any], dict[str, Any]]
    text: str = ""  # HTML blocks of plain text (statement, answer, description)
    body: str = ""  # an item's Markdown body
    hide: tuple[str, ...] = ()
    description: str = ""
    search: bool = True  # False: pages that only repeat item titles stay out of the search index
    in_nav: bool = False
    nav_title: str = ""  # the title in the navigation, when it is not the section's label (a count)

    @property
    def markdown(self) -> str:
        """The text blocks, then the body (:func:`defuse`: no body stalls the site's Markdown)."""
        return "\n\n".join(part for part in (self.text, defuse(self.body).strip("\n")) if part)

    def front_matter(self, template: bool = True) -> str:
        # Material prints page.meta.title and description without escaping them, so they are escaped here
        meta: dict[str, Any] = {"template": self.template} if template else {}
        meta["title"] = html.escape(self.title, quote=True)
        if self.hide:
            meta["hide"] = list(self.hide)
        if self.description:
            meta["description"] = html.escape(self.description, quote=True)
        if not self.search:
            meta["search"] = {"exclude": True}  # Material's search plugin skips the page
        meta["render_macros"] = False  # mkdocs-macros: roadmap text is never a template
        # JSON is YAML: no YAML surprises from titles (and what YAML reads as a line break, or refuses to
        # read, is written as an escape, so a title can never break the front matter)
        lines = [f"{k}: {json.dumps(v, ensure_ascii=False).translate(_YAML_ESCAPES)}" for k, v in meta.items()]
        return "---\n" + "\n".join(lines) + "\n---\n\n"

    def source(self) -> str:
        """Front matter and Markdown: the generated file's content."""
        markdown = self.markdown
        return self.front_matter() + markdown + ("\n" if markdown else "")
