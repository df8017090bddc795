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
import textwrap
from typing import Callable, Sequence

import matplotlib

matplotlib.use("Agg")
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.transforms import Bbox  # noqa: E402
from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: E402

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

# Every chart is drawn twice: wide for a screen that shows it beside the
# text, and narrow for a phone, where the page shows it under `<picture>`'s
# `media` query (the `chart` macro in `_html.j2`; the file beside the wide
# one that `pages.shared.narrow_path` names). A phone 390 px wide has a
# column of 358 CSS px. A narrow chart is NARROW_WIDTH wide, and 3.6 in
# with the padding around it (PAD): 259 pt, shown as 346 CSS px. So it is
# shown at its own size there and its smallest text, NARROW_TEXT = 9 pt, is
# 12 px (11.4 px on a phone 360 px wide); the wide chart shrunk into that
# column showed its labels at 3.7 to 4.6 px. The narrow drawing stacks
# what the wide one puts side by side, and grows down instead.
NARROW_WIDTH = 3.4
NARROW_TEXT = 9
# The wide drawing's smallest text: shown beside the text it is shrunk or
# grown to the column (to 1.14 CSS px a point on a channel's page at
# 1,280 px, less where its values are long), and 8 pt was then 9.1 px;
# 11 pt stays above 11 px on every page (the browser test measures it).
WIDE_TEXT = 11
# Characters a label (a title) of a narrow chart takes on one line before it
# wraps: a long name ("Eigen website (werken-bij-site)") would leave its bars
# no room.
NARROW_LABEL = 18
NARROW_TITLE = 40


def _wrap(text: str, width: int = NARROW_LABEL, most: int = 3) -> str:
    """`text` in as few lines as at most `width` characters allow, those
    lines as even as they can be ("Aannames en kosten per" / "aanname, per
    kanaal", not a last line of one word), and at most `most` of them (the
    last then ends in "…"). A word longer than `width` is broken: a name
    wider than the narrow chart would squeeze its bars to nothing (the
    table beside the chart says the whole name)."""
    def lines(at: int, breaking: bool = False) -> list[str]:
        return textwrap.wrap(text, at, break_long_words=breaking, break_on_hyphens=False)

    if len(text) <= width:
        return text
    fewest = max(1, len(lines(width)))
    if any(len(line) > width for line in lines(width)):
        wrapped = lines(width, breaking=True)
    else:
        shortest = min(width, -(-len(text) // fewest))
        wrapped = lines(next(at for at in range(shortest, width + 1) if len(lines(at)) <= fewest))
    wrapped = wrapped or [text]
    if len(wrapped) > most:
        wrapped = wrapped[:most - 1] + [wrapped[most - 1][:width - 1].rstrip() + "…"]
    return "\n".join(wrapped)


# The bars of the others beside a highlighted one: this alpha (hex), which
# matplotlib writes as an opacity with six decimals at most.
PALE = "55"
_OPACITY = f"{int(PALE, 16) / 255:f}".rstrip("0").rstrip(".")
# What `Bars.svg` changes: the style of a bar (by its id, `bar-<panel>-<label>`),
# and of a label or value (`label-…`, `value-…`).
_BAR = re.compile(r'<g id="bar-\d+-(\d+)">\s*<path [^>]*?style="fill: #[0-9a-f]{6}(?=")')
_TEXT = re.compile(r'<g id="(?:label|value)-\d+-(\d+)">\s*<text style="')


class Bars:
    """Horizontal bars: one panel per series, the same labels on each.

    Every value is printed beside its bar by the same function that formats
    the tables (`formats`, per series), with its sample size where `notes`
    gives one ('uit 14 aannames'); there is no value axis. The figure is built, measured and drawn once;
    `svg(k)` is that drawing with label k highlighted (its bars full and its
    label and values bold, the others paler), so the page of each platform
    shows the same chart with its own bar picked out, at the cost of a few
    substitutions in the SVG's text, not a drawing (which at 25 platforms
    took a quarter of a second each).

    `narrow` draws it for a phone: the panels one under the other, each with
    its own labels (wrapped), every text at least NARROW_TEXT."""

    def __init__(self, title: str, labels: Sequence[str], series: dict[str, Sequence[float | None]],
                 formats: dict[str, Format], notes: dict[str, Sequence[str]] | None = None,
                 narrow: bool = False) -> None:
        with matplotlib.rc_context(STYLE):
            if narrow:
                names = [_wrap(label) for label in labels]
                lines = sum(name.count("\n") + 1 for name in names)
                # Constrained layout fits the labels and values into the width;
                # it runs once, below, and is then fixed for every highlight.
                height = len(series) * (0.17 * lines + 0.08 * len(labels) + 0.4) + 0.4
                self.figure = Figure(figsize=(NARROW_WIDTH, height), layout="constrained")
                axes = list(self.figure.subplots(len(series), 1, squeeze=False)[:, 0])
            else:
                names = list(labels)
                # Panels narrow enough that, with the labels beside them, the
                # chart is about as wide as a page's column: not shrunk below WIDE_TEXT.
                self.figure = Figure(figsize=(2.8 * len(series), 0.4 * len(labels) + 1.2))
                axes = list(self.figure.subplots(1, len(series), sharey=True, squeeze=False)[0])
            positions = list(range(len(labels)))
            self.panels: list[tuple[str, list, list]] = []
            for index, ((name, values), ax) in enumerate(zip(series.items(), axes, strict=True)):
                heights = [value or 0 for value in values]
                colour = COLOURS[index % len(COLOURS)]
                bars = ax.barh(positions, heights, color=colour)
                for position, bar in enumerate(bars):
                    bar.set_gid(f"bar-{index}-{position}")
                fmt = formats[name]
                # No value axis: each bar says its value (beside it), and the
                # steps of an amount axis ("€ 1.500 € 3.000") ran into each other.
                ax.xaxis.set_visible(False)
                ax.spines["bottom"].set_visible(False)
                if narrow:
                    ax.set_title(name, fontsize=NARROW_TEXT, loc="left", fontweight="bold")
                else:
                    ax.set_title(name, fontsize=WIDE_TEXT + 1)
                texts = []
                for position, value in zip(positions, values, strict=True):
                    text = "–" if value is None else fmt(value)
                    if notes and name in notes and value is not None:
                        text += f" ({notes[name][position]})"
                    texts.append(ax.annotate(text, (heights[position], position), xytext=(3, 0),
                                             textcoords="offset points", va="center",
                                             fontsize=NARROW_TEXT if narrow else WIDE_TEXT,
                                             gid=f"value-{index}-{position}"))
                # Room beside the longest bar for its value ("€ 3.920 (n = 5)"):
                # a narrow panel is half as wide, its values no smaller.
                ax.margins(x=0.8 if narrow else 0.45)
                self.panels.append((colour, list(bars), texts))
                if narrow:
                    ax.set_yticks(positions, names, fontsize=NARROW_TEXT)
                    ax.set_ylim(max(1, len(labels)) - 0.5, -0.5)  # the first label on top, no empty row around
            self.names = names
            if narrow:
                self.labels = axes
            else:
                axes[0].set_yticks(positions, names, fontsize=WIDE_TEXT)
                axes[0].invert_yaxis()  # the axes share it: the first label on top
                self.labels = axes[:1]
            self.figure.suptitle(_wrap(title, NARROW_TITLE) if narrow else title, fontsize=10 if narrow else WIDE_TEXT + 2)
            for index, axes_ in enumerate(self.labels):
                for position, label in enumerate(axes_.get_yticklabels()):
                    label.set_gid(f"label-{index}-{position}")
            # Measured once, with every label bold: the widest any highlight can be.
            self._weigh(None, every="bold")
            if narrow:
                # Laid out once, then without an engine: savefig would lay it out
                # again (and draw it once more) for every drawing.
                self.figure.draw_without_rendering()
                with matplotlib.rc_context({"figure.autolayout": False, "figure.constrained_layout.use": False}):
                    self.figure.set_layout_engine(None)
            renderer = FigureCanvasAgg(self.figure).get_renderer()
            self.bbox = self.figure.get_tightbbox(renderer).padded(PAD)
            self._weigh(None)
            self.plain = _svg(self.figure, self.bbox)

    def _weigh(self, highlight: int | None, every: str = "normal") -> None:
        for colour, bars, texts in self.panels:
            for position, (bar, text) in enumerate(zip(bars, texts, strict=True)):
                bar.set_facecolor(colour if highlight is None or position == highlight else colour + PALE)
                text.set_fontweight("bold" if position == highlight else every)
        for axes in self.labels:
            for position, label in enumerate(axes.get_yticklabels()):
                label.set_fontweight("bold" if position == highlight else every)

    def _drawn(self, highlight: int | None = None) -> str:
        with matplotlib.rc_context(STYLE):
            self._weigh(highlight)
            return _svg(self.figure, self.bbox)

    def svg(self, highlight: int | None = None) -> str:
        """The drawing with label `highlight` picked out, as matplotlib draws
        it: every other bar with the opacity of PALE, the label and values
        of `highlight` bold (the ids were set for this; the bounding box was
        measured with every label bold). A label of several lines is drawn:
        matplotlib places each of its lines by its width, which bold changes."""
        if highlight is None:
            return self.plain
        if "\n" in self.names[highlight]:
            return self._drawn(highlight)

        def bar(match: re.Match) -> str:
            return match[0] if int(match[1]) == highlight else match[0] + f"; fill-opacity: {_OPACITY}"

        def text(match: re.Match) -> str:
            return match[0] + "font-weight: 700; " if int(match[1]) == highlight else match[0]

        return _TEXT.sub(text, _BAR.sub(bar, self.plain))


# Around a chart, in inches, as matplotlib's own tight bounding box pads it.
PAD = 0.1


def years(title: str, values_by_year: dict[str, dict[int, float]], fmt: Format, percent: bool = False,
          narrow: bool = False) -> str:
    """Grouped bars per year, every year from the first to the last on the
    axis: a year without data is a visible gap, not a missing tick. Wide,
    the years stand side by side; `narrow`, one under the other, so that a
    phone shows every year in NARROW_TEXT however many there are."""
    all_years = sorted({year for values in values_by_year.values() for year in values})
    span = list(range(all_years[0], all_years[-1] + 1)) if all_years else []
    if narrow:
        return _years_narrow(title, values_by_year, span, fmt, percent)
    with matplotlib.rc_context(STYLE):
        figure = Figure(figsize=(max(4.0, 0.32 * len(span) * max(1, len(values_by_year))), 2.8))
        ax = figure.subplots()
        width = 0.8 / max(1, len(values_by_year))
        for index, (name, values) in enumerate(values_by_year.items()):
            ax.bar([p + index * width for p in range(len(span))], [values.get(year, 0) for year in span], width,
                   label=name, color=COLOURS[index % len(COLOURS)])
        ax.set_xticks([p + width * (len(values_by_year) - 1) / 2 for p in range(len(span))],
                      [str(year) for year in span], rotation=90, fontsize=WIDE_TEXT)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _pos: fmt(y) + ("%" if percent else "")))
        if percent:
            ax.set_ylim(0, 100)
        if len(values_by_year) > 1:
            ax.legend(frameon=False, fontsize=WIDE_TEXT)
        ax.set_title(title, fontsize=WIDE_TEXT + 2)
        ax.tick_params(axis="y", labelsize=WIDE_TEXT)
        return _svg(figure)


def _years_narrow(title: str, values_by_year: dict[str, dict[int, float]], span: list[int], fmt: Format,
                  percent: bool) -> str:
    series = max(1, len(values_by_year))
    with matplotlib.rc_context(STYLE):
        figure = Figure(figsize=(NARROW_WIDTH, (0.14 + 0.06 * series) * max(1, len(span)) + 1.1), layout="constrained")
        ax = figure.subplots()
        height = 0.8 / series
        for index, (name, values) in enumerate(values_by_year.items()):
            ax.barh([p + index * height for p in range(len(span))], [values.get(year, 0) for year in span], height,
                    label=name, color=COLOURS[index % len(COLOURS)])
        ax.set_yticks([p + height * (series - 1) / 2 for p in range(len(span))], [str(year) for year in span],
                      fontsize=NARROW_TEXT)
        ax.invert_yaxis()  # the first year on top, read downwards
        ax.xaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: fmt(x) + ("%" if percent else "")))
        ax.tick_params(axis="x", labelsize=NARROW_TEXT)
        if percent:
            ax.set_xlim(0, 100)
        if len(values_by_year) > 1:
            ax.legend(frameon=False, fontsize=NARROW_TEXT, loc="lower left", bbox_to_anchor=(0, 1),
                      ncols=len(values_by_year), borderaxespad=0.2)
        figure.suptitle(_wrap(title, NARROW_TITLE), fontsize=10)
        return _svg(figure)
