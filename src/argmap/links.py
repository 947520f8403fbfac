"""Which links a map may carry into a picture: http, https and mailto URLs, nothing else.

One filter serves the checker (which warns about a URL that would be dropped)
and the renderer (which drops it), so the two never disagree.

Example:
    >>> safe_url("https://example.org/a?b=1&c=2"), safe_url("javascript:alert(1)")
    ('https://example.org/a?b=1&c=2', None)
"""

from __future__ import annotations

import re

_SAFE_URL = re.compile(r"(?:https?://[^\s/?#]+|mailto:[^\s]+)[^\s]*", re.IGNORECASE)
#: Control characters, lone surrogates and the XML non-characters: never in a link.
_CONTROL = re.compile("[\x00-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def safe_url(url: str | None) -> str | None:
    """The URL, without surrounding spaces, if it is an http, https or mailto link
    without spaces or control characters; otherwise None.

    Example:
        >>> safe_url("  mailto:someone@example.org "), safe_url("https://example.org/a b")
        ('mailto:someone@example.org', None)
    """
    if not url:
        return None
    url = url.strip()
    if _CONTROL.search(url) or not _SAFE_URL.fullmatch(url):
        return None
    return url
