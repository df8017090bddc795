"""Files an attacker would put beside the records: each runs script when a
browser opens it from a static server (tests/test_browser_files.py shows
that), and each is refused by the check (tests/test_published.py)."""

from __future__ import annotations

SVG_NS = 'xmlns="http://www.w3.org/2000/svg"'

# name -> content: every one runs `alert` (or any script) when opened directly.
RUNS_SCRIPT: dict[str, bytes] = {
    "prefixed.svg": f'<svg {SVG_NS} xmlns:s="http://www.w3.org/2000/svg"><s:script>document.title="ran"</s:script>'
                    f"</svg>".encode(),
    "xhtml-script.svg": f'<svg {SVG_NS}><script xmlns="http://www.w3.org/1999/xhtml">document.title="ran"</script>'
                        f"</svg>".encode(),
    "entity.svg": (f'<!DOCTYPE svg [<!ENTITY s "<script>document.title=&#34;ran&#34;</script>">]>'
                   f"<svg {SVG_NS}>&s;</svg>").encode(),
    "onload.svg": f'<svg {SVG_NS} onload="document.title=\'ran\'"><rect width="1" height="1"/></svg>'.encode(),
    "upper.SVG": f'<svg {SVG_NS}><script>document.title="ran"</script></svg>'.encode(),
    "page.HTML": b"<script>document.title='ran'</script>",
    "page.htm": b"<script>document.title='ran'</script>",
    "page.xhtml": b'<html xmlns="http://www.w3.org/1999/xhtml"><script>document.title="ran"</script></html>',
    "styled.xml": (b'<?xml-stylesheet type="text/xsl" href="run.xsl"?><a/>'),
    "run.xsl": (b'<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
                b'<xsl:template match="/"><html><body><script>document.title="ran"</script></body></html>'
                b"</xsl:template></xsl:stylesheet>"),
}
