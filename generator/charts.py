"""Charts as static SVG, drawn at build time with matplotlib.

No JavaScript and no outside requests: the SVG is a file of the site. The
same data give the same bytes: the SVG's ids come from a fixed salt, it
carries no date, and text stays text (`svg.fonttype: none`), so no font
file is embedded. matplotlib is used through its object interface (no pyplot
state), which is safe to call from the preview's background thread.
"""

from __future__ import annotations

import io
from typing import Sequence

import matplotlib

matplotlib.use("Agg")
from matplotlib.figure import Figure  # noqa: E402

STYLE = {
    "svg.hashsalt": "wervingshandboek",
    "svg.fonttype": "none",
    # Labels are record text: plain text, never maths markup ('$...$' is text).
    "text.parse_math": False,
    "text.usetex": False,
    "font.family": "sans-serif",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
COLOURS = ("#3f51b5", "#ef6c00", "#2e7d32", "#8e24aa")


def _svg(figure: Figure) -> str:
    buffer = io.StringIO()
    with matplotlib.rc_context(STYLE):
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    return buffer.getvalue()


def bars(title: str, labels: Sequence[str], series: dict[str, Sequence[float | None]], unit: str = "") -> str:
    """Horizontal bars: one panel per series, the same labels on each."""
    with matplotlib.rc_context(STYLE):
        figure = Figure(figsize=(3.2 * len(series), 0.35 * len(labels) + 1.2))
        axes = figure.subplots(1, len(series), sharey=True, squeeze=False)[0]
        positions = list(range(len(labels)))
        for index, ((name, values), ax) in enumerate(zip(series.items(), axes, strict=True)):
            heights = [value or 0 for value in values]
            ax.barh(positions, heights, color=COLOURS[index % len(COLOURS)])
            ax.set_title(name, fontsize=9)
            for position, value in zip(positions, values, strict=True):
                text = "–" if value is None else f"{value:,.0f}".replace(",", ".")
                ax.annotate(text, (heights[position], position), xytext=(3, 0), textcoords="offset points",
                            va="center", fontsize=8)
            ax.margins(x=0.25)
        axes[0].set_yticks(positions, labels)
        axes[0].invert_yaxis()  # the axes share it: the first label on top
        figure.suptitle(title, fontsize=10)
        return _svg(figure)


def years(title: str, labels: Sequence[str], series: dict[str, Sequence[float]], percent: bool = False) -> str:
    """Grouped vertical bars per year."""
    with matplotlib.rc_context(STYLE):
        figure = Figure(figsize=(max(4.0, 0.45 * len(labels) * len(series)), 2.8))
        ax = figure.subplots()
        width = 0.8 / max(1, len(series))
        for index, (name, values) in enumerate(series.items()):
            ax.bar([p + index * width for p in range(len(labels))], values, width, label=name,
                   color=COLOURS[index % len(COLOURS)])
        ax.set_xticks([p + width * (len(series) - 1) / 2 for p in range(len(labels))], labels, rotation=45)
        if percent:
            ax.set_ylim(0, 100)
            ax.set_ylabel("%")
        if len(series) > 1:
            ax.legend(frameon=False, fontsize=8)
        ax.set_title(title, fontsize=10)
        return _svg(figure)
