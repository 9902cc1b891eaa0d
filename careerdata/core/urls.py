"""Links as people type them: `github.com/me`, `http://x.example/`, `https://X.example`.

Résumés and LinkedIn exports are full of links without a scheme; stored raw they are not
clickable, fail the JSON Resume `uri` format and sit next to their `https://` twin. One rule,
used by the models (so forms, imports and the CLI agree) and by the exporters:

* `normalise_url`: a bare host name with an optional path (`www.site.example/x`) gets
  `https://` in front; anything else (an absolute URL, text that is not a link) is kept as
  typed, trimmed. A link that is not a web address is never invented.
* `url_key`: how two links compare: scheme http/https ignored, host case-insensitive, a
  leading `www.` and a trailing slash ignored. `unique_urls` keeps the first spelling of each.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

# host.tld[:port][/path?query#fragment], with no scheme and no spaces
_BARE_HOST = re.compile(r"^(?:[\w-]+\.)+[^\W\d_]{2,}(?::\d{1,5})?(?:[/?#]\S*)?$", re.IGNORECASE)


def normalise_url(value: str | None) -> str:
    """`https://` added to a bare host name; everything else trimmed and kept as typed."""
    text = (value or "").strip()
    if text and "://" not in text and not text.casefold().startswith(("mailto:", "tel:")) and _BARE_HOST.match(text):
        return "https://" + text
    return text


def is_web_url(value: str | None) -> bool:
    """An absolute http(s) URL with a host and no spaces (the JSON Resume `uri` check used here)."""
    text = (value or "").strip()
    if not text or any(c.isspace() for c in text):
        return False
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def url_key(value: str) -> str:
    """The form two links are compared in: `http://WWW.x.example/a/` and `x.example/a` are the same."""
    text = normalise_url(value)
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return text.casefold()
    host = parts.netloc.casefold().removeprefix("www.")
    path = parts.path.rstrip("/")
    return f"{host}{path}" + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")


def unique_urls(values: Iterable[str]) -> list[str]:
    """Links normalised, blanks dropped, each link once in its first spelling."""
    out: dict[str, str] = {}
    for value in values:
        url = normalise_url(value)
        if url:
            out.setdefault(url_key(url), url)
    return list(out.values())
