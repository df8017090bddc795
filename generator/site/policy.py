"""The Content-Security-Policy every built page carries in its head.

Script runs only from the site itself and from the inline scripts the page
itself holds (each named by its hash: nothing else inline runs); images,
styles, fonts and connections come from the site only. So a script that
slipped past every other check still would not run, and nothing loads from
another host.

MkDocs writes it into each page as it writes the page (`plugin.py`, from the
page's own inline scripts); the audit of the built site (`audit.py`) then
checks that each page's policy names exactly the scripts the browser will
find in it, and writes it into pages an engine wrote without one (Zensical).
"""

from __future__ import annotations

import base64
import hashlib
import re
from typing import AnyStr, Iterable

# Script types a browser does not run (the theme keeps its settings in one;
# search's result template is another, read by Pagefind's components).
DATA_SCRIPT_TYPES = frozenset({"application/json", "application/ld+json", "text/pagefind-template"})


def script_hash(text: str) -> str:
    """The CSP source expression of an inline script."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(script_hashes: Iterable[str]) -> str:
    """The policy of a page whose inline scripts have these hashes."""
    # Search (Pagefind) runs as WebAssembly, which a policy allows by name;
    # no JavaScript is evaluated from text.
    scripts = " ".join(["'self'", "'wasm-unsafe-eval'", *sorted(set(script_hashes))])
    return (
        "default-src 'none'; "
        f"script-src {scripts}; "
        "style-src 'self'; "
        # The theme's style sheet draws its icons from data: images inside it.
        "img-src 'self' data:; "
        "font-src 'self'; "
        "connect-src 'self'; "
        "worker-src 'self'; "
        "manifest-src 'self'; "
        "object-src 'none'; "
        "base-uri 'none'; "
        "form-action 'none'"
    )


def policy_element(script_hashes: Iterable[str]) -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{policy(script_hashes)}">'


HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.IGNORECASE)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
_HEAD_BYTES = re.compile(HEAD.pattern.encode("ascii"), re.IGNORECASE)
_CHARSET_BYTES = re.compile(_CHARSET.pattern.encode("ascii"), re.IGNORECASE)


def with_policy(page: AnyStr, element: AnyStr) -> AnyStr | None:
    """The page with the policy's element right after its character set
    (which browsers look for in its first 1,024 bytes), before any script or
    resource, so that it governs all of them; None for a page without a head."""
    head_pattern, charset_pattern = (HEAD, _CHARSET) if isinstance(page, str) else (_HEAD_BYTES, _CHARSET_BYTES)
    head = head_pattern.search(page)
    if head is None:
        return None
    charset = charset_pattern.search(page, head.end(), head.end() + 1024)
    at = charset.end() if charset else head.end()
    return page[:at] + element + page[at:]


# An inline script as the engine writes one: `<script>` (or with attributes)
# up to the first `</script`. The audit reads the same page with an HTML5
# parser and refuses a page whose policy differs from what it finds there.
_SCRIPT = re.compile(r"<script(\s[^>]*)?>(.*?)</script[\t\n\f\r />]", re.IGNORECASE | re.DOTALL)
_SRC = re.compile(r"""[\s"']src\s*=""", re.IGNORECASE)
_TYPE = re.compile(r"""[\s"']type\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.IGNORECASE)


def inline_scripts(page: str) -> list[str]:
    """The inline scripts of a page that a browser runs, as written."""
    found = []
    for match in _SCRIPT.finditer(page):
        attributes = match.group(1) or ""
        if _SRC.search(attributes):
            continue
        kind = _TYPE.search(attributes)
        if kind and next(value for value in kind.groups() if value is not None).lower() in DATA_SCRIPT_TYPES:
            continue
        found.append(match.group(2))
    return found
