"""Dutch text built from the sentences: paragraphs, lists and titles with the
slots of a record filled in, wrapped the way authors wrap them."""

from __future__ import annotations

import random

from .sentences import BOLD, BULLETS


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def wrap(text: str, width: int = 78) -> str:
    """Hard-wrap a paragraph the way authors do (on spaces only)."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return "\n".join(lines)


class Ctx(dict):
    """Template slots; `{Name}` is the capitalised form of `{name}`."""

    def __missing__(self, key: str) -> str:
        lower = key[:1].lower() + key[1:]
        if lower != key and lower in self:
            return cap(self[lower])
        raise KeyError(key)


class Text:
    """Builds Dutch text from the vocabulary above."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def sentences(self, pool: list[str], ctx: Ctx, count: int) -> str:
        return " ".join(t.format_map(ctx) for t in self.rng.sample(pool, count))

    def markdown(self, pool: list[str], ctx: Ctx, paragraphs: tuple[int, int] = (1, 3),
                 leads: tuple[str, ...] = ()) -> str:
        """1-4 short paragraphs (no sentence twice), sometimes a bold lead or,
        where `leads` are given, a bullet list."""
        rng = self.rng
        sizes = [rng.randint(1, 3) for _ in range(rng.randint(*paragraphs))]
        picked = rng.sample(pool, min(sum(sizes), len(pool)))
        parts: list[str] = []
        at = 0
        for size in sizes:
            chunk = picked[at : at + size]
            at += size
            if not chunk:
                break
            text = " ".join(t.format_map(ctx) for t in chunk)
            if not parts and rng.random() < 0.15:
                text = f"**{rng.choice(BOLD)}** {text}"
            parts.append(wrap(text))
        if leads and rng.random() < 0.25:
            items = rng.sample(BULLETS, rng.randint(2, 4))
            block = rng.choice(leads) + "\n\n" + "\n".join(f"- {cap(i)}" for i in items)
            parts.insert(rng.randint(1, len(parts)), block)
        return "\n\n".join(parts) + "\n"

    def title(self, templates: tuple[str, ...] | list[str], ctx: Ctx, fallback: str) -> str:
        for _ in range(10):
            text = self.rng.choice(templates).format_map(ctx)
            if 4 <= len(text.split()) <= 10:
                return text
        return fallback
