"""Where an address leads, as a browser reads it.

Record text, the files beside the records, the settings and the built site
are all judged by these two functions, so a link the check lets through is a
link the audit lets through.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

_CONTROL_OR_SPACE = re.compile(r"[\x00-\x20\x7f-\x9f]+")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")


# An address is judged once however many links use it: one reference
# definition can give thousands of links the same long address.
@lru_cache(maxsize=1024)
def scheme_of(url: str) -> str | None:
    """The scheme a browser would see in `url` (entities decoded, control
    characters and spaces taken out, as browsers do), or None for a path."""
    cleaned = _CONTROL_OR_SPACE.sub("", html.unescape(url)).lower()
    match = _SCHEME.match(cleaned)
    return match.group(1) if match else None


@lru_cache(maxsize=1024)
def leaves_site(url: str) -> bool:
    """True when a browser would take `url` to another host or scheme: a
    scheme, or a path that starts with two slashes or a slash and a
    backslash (browsers read '\\' as '/')."""
    cleaned = _CONTROL_OR_SPACE.sub("", html.unescape(url))
    return scheme_of(url) is not None or cleaned[:2].replace("\\", "/") == "//"
