"""Record text written by an attacker: payloads of every class, planted in
every kind of field of every record kind. Each payload that would run sets
`window.__pwned`; each that would load something asks 127.0.0.2 or
evil.invalid, never this site's host."""

from __future__ import annotations

from pathlib import Path

from generator.records.writing import dump_fields

MARK = "window.__pwned=1"

# Markdown fields: raw HTML, parser differentials, link and image tricks.
MARKDOWN = [
    f"<script>{MARK}</script>",
    f'<img src="x" onerror="{MARK}">',
    f"Tekst <svg onload=\"{MARK}\"></svg> erna",
    f"```\n</code></pre><script>{MARK}</script>\n```",
    f"~~~\n<img src=x onerror={MARK}>\n~~~",
    f"```` \n``` \n<script>{MARK}</script>\n````",
    f"- een punt\n\n      <script>{MARK}</script>\n\n- nog een",
    f"    <img src=x onerror={MARK}>",
    f"> citaat\n<script>{MARK}</script>",
    f"<!--><img src=x onerror=\"{MARK}\">-->",
    f"<noscript><p title=\"</noscript><img src=x onerror={MARK}>\"></p></noscript>",
    "<style>@import url(http://127.0.0.2/a.css); body{background:url(//evil.invalid/b.png)}</style>",
    f"[klik](javascript:{MARK})",
    f"[klik](&#106;avascript:{MARK})",
    f"[klik](java&#x09;script:{MARK})",
    f"[klik](JAVASCRIPT:{MARK})",
    f"<javascript:{MARK}>",
    f"[klik][ref]\n\n[ref]: javascript:{MARK}",
    "[klik](vbscript:msgbox(1))",
    "[klik](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+)",
    "![beeld](https://evil.invalid/a.png)",
    "![beeld](//127.0.0.2/b.png)",
    "![beeld](/\\127.0.0.2/c.png)",
    "![beeld](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    f'[klik](https://example.invalid/" onmouseover="{MARK})',
    "| a | b |\n|---|---|\n| <img src=x onerror=window.__pwned=1> | `</code><script>window.__pwned=1</script>` |",
    "{{ 7*7 }} {% raw %} {: onclick=\"window.__pwned=1\" }",
    f"# Kop <img src=x onerror={MARK}> {{: onclick=\"{MARK}\" }}",
    f"## Kop met `</code><script>{MARK}</script>` *nadruk*",
    f"<a href=\"javascript:{MARK}\">a</a><form action=\"https://evil.invalid\"><input></form>"
    f"<iframe src=\"https://evil.invalid\"></iframe><object data=\"x\"></object><embed src=\"x\"><base href=\"//evil.invalid/\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.invalid\">",
    f"<svg><a xlink:href=\"javascript:{MARK}\"><text>x</text></a><animate attributeName=\"href\" values=\"javascript:{MARK}\"/></svg>",
]

# Plain-text fields: every line an attacker could think of, as text.
PLAIN = [
    f"<img src=x onerror={MARK}>",
    f"</td></tr></table><script>{MARK}</script>",
    f"`</code><img src=x onerror={MARK}>`",
    f"[klik](javascript:{MARK})",
    f"**vet** _schuin_ {{: onclick=\"{MARK}\" }} {{ #id onclick=\"{MARK}\" }}",
    f"\" onmouseover=\"{MARK}\" x=\"",
    "| pijp | in | tabel |",
    "{{ config }} {% include 'x' %}",
]


def _markdown(number: int) -> str:
    return "\n\n".join(MARKDOWN[number:] + MARKDOWN[:number])


def _plain(number: int) -> str:
    return PLAIN[number % len(PLAIN)]


def plant(data: Path) -> list[str]:
    """Add hostile records (and hostile taxonomy terms) to a copy of the
    example data; the paths of the planted files."""
    planted = {
        "taxonomy": None,
        "campaigns/aanval-campagne.yml": {
            "title": _plain(0), "summary": _plain(1), "status": "finished",
            "period": {"start": "2024-01-01", "end": "2024-03-31"},
            "owner": "sanne-de-vries", "knowledge_owner": "sanne-de-vries", "recruitment": "passive",
            "scenario": "aanval-scenario", "platforms": ["aanval-platform"], "channels": ["aanval-kanaal"],
            "audience": _plain(2), "audience_goal": _plain(3), "listening": _markdown(0),
            "business_goals": PLAIN, "learning_goals": [
                {"id": "vraag", "question": f"Vraag {{ #x onclick=\"{MARK}\" }}"},
                {"id": "tweede", "question": _plain(0)},
            ],
            "results": [{"channel": "aanval-kanaal", "platform": "aanval-platform", "reach": "10", "hires": "1",
                         "cost": "100"}],
            "tags": ["aanval-tag"], "body": _markdown(3),
        },
        "lessons/aanval-les.yml": {
            "title": _plain(4), "date": "2024-05-01", "author": "sanne-de-vries",
            "campaigns": ["aanval-campagne"], "answers": ["vraag", "tweede"], "level": "foundation",
            "what_happened": _markdown(5), "lesson": _markdown(9), "recommendation": _markdown(14),
            "evidence": PLAIN, "applies_to": {"platforms": ["aanval-platform"], "channels": ["aanval-kanaal"],
                                              "scenarios": ["aanval-scenario"]},
            "status": "accepted", "tags": ["aanval-tag"], "body": _markdown(20),
        },
        "platforms/aanval-platform.yml": {
            "summary": _plain(5), "recruitment": ["passive"], "dos": PLAIN, "donts": PLAIN,
            "tone_of_voice": _plain(6), "webcare_hours": "4", "approval": _plain(7), "owner": "sanne-de-vries",
            "reviewed": "2026-01-01", "tags": ["aanval-tag"], "body": _markdown(25),
        },
        "people/aanval-persoon.yml": {
            "name": _plain(0), "role": _plain(1), "team": _plain(2), "tags": ["aanval-tag"], "body": _markdown(7),
        },
        "accounts/aanval-account.yml": {
            "platform": "aanval-platform", "handle": _plain(2),
            "url": f"https://evil.invalid/\"onmouseover=\"{MARK}\"`</code>", "owner": "aanval-persoon",
            "purpose": _plain(3), "status": "active", "reviewed": "2026-01-01", "tags": ["aanval-tag"],
            "body": _markdown(11),
        },
    }
    written = []
    for path, fields in planted.items():
        if fields is None:
            continue
        (data / path).write_text(dump_fields(fields), "utf-8")
        written.append(f"data/{path}")
    taxonomy = data / "taxonomy.yml"
    text = taxonomy.read_text("utf-8")
    terms = {
        "platforms": {"aanval-platform": {"name": _plain(0), "name_en": _plain(1), "description": _plain(2),
                                          "url": "https://evil.invalid/\"onmouseover=\"window.__pwned=1\"`</code>"}},
        "channels": {"aanval-kanaal": {"name": _plain(3), "group": "social", "description": _plain(4)}},
        "scenarios": {"aanval-scenario": {"name": _plain(5), "description": _plain(6), "suits": ["passive"]}},
        "tags": {"aanval-tag": {"name": _plain(7)}},
    }
    for section, entries in terms.items():
        block = dump_fields(entries).rstrip("\n")
        indented = "\n".join("  " + line for line in block.splitlines())
        text = text.replace(f"\n{section}:\n", f"\n{section}:\n{indented}\n", 1)
    taxonomy.write_text(text, "utf-8")
    written.append("data/taxonomy.yml")
    return written
