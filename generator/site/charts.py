"""Charts as static SVG, drawn at build time with matplotlib.

No JavaScript and no outside requests: the SVG is a file of the site. The
same data give the same bytes: the SVG's ids come from a fixed salt, it
carries no date, and text stays text (`svg.fonttype: none`), so no font
file is embedded. matplotlib is used through its object interface (no pyplot
state), which is safe to call from the preview's background thread.
"""

from __future__ import annotations

import io
import re
from typing import Callable, Sequence

import matplotlib

matplotlib.use("Agg")
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.transforms import Bbox  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

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


# matplotlib's document type declaration and its RDF metadata: the site
# publishes an SVG image only with drawing in it and no DTD
# (`published.svg_problem`), so its own charts are written that way too.
_DOCTYPE = re.compile(r"<!DOCTYPE[^>]*>\s*")
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.DOTALL)


def _svg(figure: Figure, bbox: Bbox | str = "tight") -> str:
    buffer = io.StringIO()
    with matplotlib.rc_context(STYLE):
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches=bbox)
    return _METADATA.sub("", _DOCTYPE.sub("", buffer.getvalue(), count=1), count=1)


Format = Callable[[float], str]


class Bars:
    """Horizontal bars: one panel per series, the same labels on each.

    Every value is printed beside its bar by the same function that formats
    the tables (`formats`, per series), with its sample size where `notes`
    gives one ('n = 14'). The figure is built and measured once; `svg(k)`
    draws it with label k highlighted (its bars full and its label bold, the
    others paler), so the page of each platform shows the same chart with
    its own bar picked out at the cost of one drawing, not a new figure."""

    def __init__(self, title: str, labels: Sequence[str], series: dict[str, Sequence[float | None]],
                 formats: dict[str, Format], notes: dict[str, Sequence[str]] | None = None,
                 axis_formats: dict[str, Format] | None = None) -> None:
        with matplotlib.rc_context(STYLE):
            self.figure = Figure(figsize=(3.6 * len(series), 0.35 * len(labels) + 1.2))
            axes = self.figure.subplots(1, len(series), sharey=True, squeeze=False)[0]
            positions = list(range(len(labels)))
            self.panels: list[tuple[str, list, list]] = []
            for index, ((name, values), ax) in enumerate(zip(series.items(), axes, strict=True)):
                heights = [value or 0 for value in values]
                colour = COLOURS[index % len(COLOURS)]
                bars = ax.barh(positions, heights, color=colour)
                ax.set_title(name, fontsize=9)
                fmt = formats[name]
                axis = (axis_formats or {}).get(name, fmt)
                ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos, axis=axis: axis(x)))
                ax.tick_params(axis="x", labelsize=7)
                texts = []
                for position, value in zip(positions, values, strict=True):
                    text = "–" if value is None else fmt(value)
                    if notes and name in notes and value is not None:
                        text += f" ({notes[name][position]})"
                    texts.append(ax.annotate(text, (heights[position], position), xytext=(3, 0),
                                             textcoords="offset points", va="center", fontsize=8))
                ax.margins(x=0.45)
                self.panels.append((colour, list(bars), texts))
            axes[0].set_yticks(positions, labels)
            axes[0].invert_yaxis()  # the axes share it: the first label on top
            self.labels = axes[0]
            self.figure.suptitle(title, fontsize=10)
            # Measured once, with every label bold: the widest any highlight can be.
            self._weigh(None, every="bold")
            renderer = FigureCanvasAgg(self.figure).get_renderer()
            self.bbox = self.figure.get_tightbbox(renderer).padded(PAD)

    def _weigh(self, highlight: int | None, every: str = "normal") -> None:
        for colour, bars, texts in self.panels:
            for position, (bar, text) in enumerate(zip(bars, texts, strict=True)):
                bar.set_facecolor(colour if highlight is None or position == highlight else colour + "55")
                text.set_fontweight("bold" if position == highlight else every)
        for position, label in enumerate(self.labels.get_yticklabels()):
            label.set_fontweight("bold" if position == highlight else every)

    def svg(self, highlight: int | None = None) -> str:
        with matplotlib.rc_context(STYLE):
            self._weigh(highlight)
            return _svg(self.figure, self.bbox)


# Around a chart, in inches, as matplotlib's own tight bounding box pads it.
PAD = 0.1


def years(title: str, values_by_year: dict[str, dict[int, float]], fmt: Format, percent: bool = False) -> str:
    """Grouped vertical bars per year, every year from the first to the last
    on the axis: a year without data is a visible gap, not a missing tick."""
    all_years = sorted({year for values in values_by_year.values() for year in values})
    span = list(range(all_years[0], all_years[-1] + 1)) if all_years else []
    with matplotlib.rc_context(STYLE):
        figure = Figure(figsize=(max(4.0, 0.32 * len(span) * max(1, len(values_by_year))), 2.8))
        ax = figure.subplots()
        width = 0.8 / max(1, len(values_by_year))
        for index, (name, values) in enumerate(values_by_year.items()):
            ax.bar([p + index * width for p in range(len(span))], [values.get(year, 0) for year in span], width,
                   label=name, color=COLOURS[index % len(COLOURS)])
        ax.set_xticks([p + width * (len(values_by_year) - 1) / 2 for p in range(len(span))],
                      [str(year) for year in span], rotation=90, fontsize=7)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _pos: fmt(y) + ("%" if percent else "")))
        if percent:
            ax.set_ylim(0, 100)
        if len(values_by_year) > 1:
            ax.legend(frameon=False, fontsize=8)
        ax.set_title(title, fontsize=10)
        return _svg(figure)
