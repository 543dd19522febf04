"""Import step: a saved page's preformatted text is marked as code before trafilatura reads the page.

Syntax highlighters write a program as `<pre>` full of `<span>`s, often with `<br>` for its line
breaks and no `<code>` inside; trafilatura reads such a `<pre>` as a quotation and runs its lines
together. Wrapping its content in `<code>` (and making each `<br>` a line break) lets trafilatura
keep it as the code block it is, line by line.
"""

from __future__ import annotations

import re

_PRE = re.compile(r"<pre\b([^>]*)>(.*?)</pre\s*>", re.IGNORECASE | re.DOTALL)
_CODE_FIRST = re.compile(r"\s*<code\b", re.IGNORECASE)
_LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def code_in_pre(html: str) -> str:
    """The page with every `<pre>` holding a `<code>`, and the `<br>` inside it as line breaks."""

    def one(match: re.Match[str]) -> str:
        inner = _LINE_BREAK.sub("\n", match[2])
        coded = inner if _CODE_FIRST.match(inner) else f"<code>{inner}</code>"
        return f"<pre{match[1]}>{coded}</pre>"

    return _PRE.sub(one, html)
