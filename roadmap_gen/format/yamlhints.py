"""What a YAML syntax error means, in the words of someone writing a roadmap.

PyYAML reports what its parser expected (``mapping values are not allowed
here``, ``did not find expected <document start>``); :func:`explain` turns the
errors people actually make (a colon in unquoted text, an indentation slip, an
unclosed quote or bracket, text starting with ``@``) into what to change, with
the line rewritten where that is clear. Anything else keeps the parser's words.
"""

from __future__ import annotations

import json
import re

from roadmap_gen.format.diagnostics import excerpt

_KEY_VALUE = re.compile(r"^(\s*(?:-\s+)?)([^\s:#'\"][^:#]*?):\s+(\S.*?)\s*$")
_RESERVED = {"@": "`@`", "`": "a backtick", "%": "`%`"}


def quoted(value: str) -> str:
    """``value`` as a quoted YAML scalar: single quotes unless it holds one, then double quotes."""
    return f"'{value}'" if "'" not in value else json.dumps(value, ensure_ascii=False)


def _colon_in_text(line: str) -> str | None:
    """``title: Phase 2: rollout`` -> the advice to quote the value, with the line rewritten."""
    m = _KEY_VALUE.match(line)
    if not m or ": " not in m.group(3) + " ":
        return None
    lead, key, value = m.groups()
    advice = f"the text of `{excerpt(key.strip())}` holds a colon and a space, which YAML reads as a new key: put " \
             "the text in quotes"
    line = f"{lead.lstrip()}{key.strip()}: {quoted(value)}"
    return advice + (f": `{excerpt(line, 80)}`" if len(line) <= 80 else "")  # a long line is not written out


def explain(problem: str, line: str, char: str = "") -> str | None:
    """Plain words for a YAML syntax error (``problem`` as PyYAML says it, ``line`` the line it points at,
    ``char`` the character there), or None to keep the parser's own."""
    if "mapping values are not allowed" in problem:
        return _colon_in_text(line) or (
            "a colon here starts a key where none can be: is this line indented more than the one before it, "
            "or does the line before it lack its `key:`? Text that holds `: ` must be in quotes")
    if "did not find expected '-' indicator" in problem:
        return ("this line breaks the list above it: entries start with `- ` in one column, and an entry's "
                "fields line up with the first field after its `- `")
    if "did not find expected key" in problem:
        return ("this line does not line up with the lines around it: the keys of one mapping start in the "
                "same column (check its indentation and the line before it)")
    if "could not find expected ':'" in problem:
        return "this line has no `key:` (a missing colon, or text that should be indented under a key)"
    if "found unexpected end of stream" in problem and "quoted scalar" in problem:
        return "a quote opened here is never closed: end the text with the same quote"
    if "did not find expected ',' or ']'" in problem:
        return "a `[` list opened here is not closed with `]` (or an entry in it holds a comma: quote it)"
    if "did not find expected ',' or '}'" in problem:
        return "a `{` opened here is not closed with `}` (or a value in it holds a comma: quote it)"
    if "cannot start any token" in problem and char in _RESERVED:
        return f"text cannot start with {_RESERVED[char]} in YAML: put the whole text in quotes"
    if "<document start>" in problem or "<block end>" in problem:
        return ("this line does not belong to the YAML above it: a file holds one mapping of `key: value` lines "
                "(a `...` line ends it; remove that line, or indent this one under its key)")
    return None
