"""The roadmap's history as an Atom 1.0 feed (RFC 4287): one entry per commit, newest first."""

from __future__ import annotations

import re
import uuid
from typing import Any
from urllib.parse import urlsplit
from xml.sax.saxutils import escape, quoteattr

from roadmap_gen.git.entries import History, HistoryEntry
from roadmap_gen.git.repo import Commit

ATOM_NS = "http://www.w3.org/2005/Atom"

_XML_INVALID = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_EPOCH = "1970-01-01T00:00:00Z"


_LINE_BREAKS = {"\n": "&#10;", "\r": "&#13;"}  # the same XML, and no line of it starts with text from a file


def _x(text: Any) -> str:
    """Text for XML content: invalid characters dropped, markup escaped."""
    return escape(_XML_INVALID.sub("", str(text)), _LINE_BREAKS)


def _attr(text: Any) -> str:
    return quoteattr(_XML_INVALID.sub("", str(text)), _LINE_BREAKS)


def _absolute(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme and parts.netloc)


def _entry_id(site_url: str, commit: Commit) -> str:
    parts = urlsplit(site_url or "")
    host = (parts.hostname or "").lower()
    if host and re.fullmatch(r"[a-z0-9.-]+", host):
        path = re.sub(r"[^A-Za-z0-9/._~-]", "-", parts.path.strip("/"))
        return f"tag:{host},{commit.date[:10]}:{path + '/' if path else ''}commit/{commit.sha}"
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"roadmap-gen:commit:{commit.sha}"))


def atom_feed(history: History, site_url: str, title: str, changes_url: str, feed_url: str | None = None,
              max_entries: int = 50, max_lines: int = 25, use_subjects: bool | None = None,
              headlines: bool = False, events: tuple = ()) -> str:
    """An Atom 1.0 feed (RFC 4287) of the roadmap's history: one entry per commit, newest first.

    ``site_url`` is the site's address (``site_url`` of mkdocs.yml; may be empty),
    ``changes_url`` the address of the changes page (entries link to
    ``changes_url#<commit anchor>``), ``feed_url`` the feed's own address for its
    ``rel="self"`` link. Entry ids are ``tag:`` URIs built from the site's host,
    the commit date and the commit id (``urn:uuid:`` from the commit id when there
    is no host), so they never change. Entry titles are commit subjects, or for a
    public history (``use_subjects`` defaults to ``history.audience != "public"``)
    the change summary. Content is HTML listing the roadmap-level changes. The
    same history gives the same bytes.

    ``headlines``: entries are titled by what changed in the roadmap
    (:func:`~roadmap_gen.git.headlines.headline`), the commit subject and author
    following in the content (neither in a public feed). ``events``: computed
    events (:func:`~roadmap_gen.git.headlines.events`) as entries of their own,
    among the commits by date.
    """
    if use_subjects is None:
        use_subjects = history.audience != "public"
    entries = history.entries[:max_entries]
    public = history.audience == "public"  # a public feed does not name the people who committed
    out = _feed_head(entries, site_url, title, changes_url, feed_url, public, events)
    timeline = sorted([(e.commit.date, 1, i, e) for i, e in enumerate(entries)]
                      + [(ev.date, 0, i, ev) for i, ev in enumerate(events)], key=newest_first)[:max_entries]
    for _, is_commit, _, e in timeline:
        if not is_commit:
            out += _event_entry(e, site_url, changes_url)
            continue
        entry_title = (e.commit.subject if use_subjects else e.title or e.summary) or e.summary
        if headlines:
            from roadmap_gen.git.headlines import headline

            entry_title = entry_title if e.diff.is_empty else headline(e.diff)
        out += _entry(e, entry_title, site_url, changes_url, max_lines, public, headlines)
    out.append("</feed>")
    return "\n".join(out) + "\n"


def newest_first(row: tuple) -> tuple:
    """Sort key of (date, is_commit, position, record): newest first, a commit before its events, else in order."""
    return (-_seconds(row[0]), -row[1], row[2])


def _seconds(when: str) -> float:
    from datetime import datetime

    try:
        return datetime.fromisoformat(when.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return 0.0


def _feed_head(entries: tuple[HistoryEntry, ...], site_url: str, title: str, changes_url: str,
               feed_url: str | None, public: bool, events: tuple = ()) -> list[str]:
    """The ``<feed>`` element's opening and the elements before its entries."""
    from roadmap_gen.version import __version__

    dates = [entries[0].commit.date] if entries else []
    dates += [ev.date for ev in events[:1]]
    updated = max(dates, key=_seconds) if dates else _EPOCH
    if _absolute(changes_url):
        feed_id = changes_url
    else:
        feed_id = "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"roadmap-gen:feed:{site_url}|{changes_url}|{title}"))
    out = ['<?xml version="1.0" encoding="utf-8"?>', f'<feed xmlns="{ATOM_NS}">',
           f"  <id>{_x(feed_id)}</id>", f'  <title type="text">{_x(title)}</title>',
           f"  <updated>{_x(updated)}</updated>"]
    if feed_url:
        out.append(f'  <link rel="self" type="application/atom+xml" href={_attr(feed_url)}/>')
    out.append(f'  <link rel="alternate" type="text/html" href={_attr(changes_url)}/>')
    out.append(f'  <generator version={_attr(__version__)}>roadmap-gen</generator>')
    if not entries:  # RFC 4287: a feed without entries needs an author
        out.append("  <author><name>roadmap-gen</name></author>")
    elif public or events:  # ... nor does it leave entries (events) without one: the feed's author is the roadmap
        out.append(f"  <author><name>{_x(title)}</name></author>")
    return out


def _entry(e: HistoryEntry, entry_title: str, site_url: str, changes_url: str, max_lines: int,
           public: bool, commit_line: bool = False) -> list[str]:
    """One ``<entry>``: the commit, a link to it on the changes page, and its changes as HTML."""
    c = e.commit
    link = f"{changes_url}#{c.anchor}"
    return ["  <entry>",
            f"    <id>{_x(_entry_id(site_url, c))}</id>",
            f'    <title type="text">{_x(entry_title)}</title>',
            f"    <updated>{_x(c.date)}</updated>",
            *([] if public else [f"    <author><name>{_x(c.author or 'unknown')}</name></author>"]),
            f'    <link rel="alternate" type="text/html" href={_attr(link)}/>',
            f'    <content type="html">{_x(_entry_html(e, max_lines, commit_line and not public))}</content>',
            "  </entry>"]


def _event_entry(ev, site_url: str, changes_url: str) -> list[str]:
    """One ``<entry>`` for a computed event (:class:`~roadmap_gen.git.headlines.Event`)."""
    from roadmap_gen.git.headlines import event_line

    parts = urlsplit(site_url or "")
    host = (parts.hostname or "").lower()
    if host and re.fullmatch(r"[a-z0-9.-]+", host):
        path = re.sub(r"[^A-Za-z0-9/._~-]", "-", parts.path.strip("/"))
        entry_id = f"tag:{host},{ev.date[:10]}:{path + '/' if path else ''}{ev.anchor}"
    else:
        entry_id = "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"roadmap-gen:{ev.anchor}"))
    return ["  <entry>",
            f"    <id>{_x(entry_id)}</id>",
            f'    <title type="text">{_x(ev.headline)}</title>',
            f"    <updated>{_x(ev.date)}</updated>",
            f'    <link rel="alternate" type="text/html" href={_attr(changes_url + "#" + ev.anchor)}/>',
            f'    <content type="html">{_x("<p>" + escape(event_line(ev)) + "</p>")}</content>',
            "  </entry>"]


def _entry_html(e: HistoryEntry, max_lines: int, commit_line: bool = False) -> str:
    """The summary, at most ``max_lines`` changes, the number of content errors, and (``commit_line``) the
    commit's subject and author."""
    lines = list(e.lines[:max_lines])
    if len(e.lines) > max_lines:
        lines.append(f"…and {len(e.lines) - max_lines} more")
    html = f"<p>{escape(e.summary.capitalize() if e.diff.is_empty else e.summary)}</p>"
    if lines:
        html += "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>"
    if e.errors:
        html += f"<p>{e.errors} content error{'s' if e.errors != 1 else ''} at this commit.</p>"
    if commit_line:
        html += f"<p>Commit {escape(e.commit.short)}: {escape(e.commit.subject)} ({escape(e.commit.author)})</p>"
    return html
