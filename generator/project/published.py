"""The files beside the records: what the engine may publish, and what not.

The engine copies every file of the docs folder and of the theme's
`custom_dir` into the site, and a static server then serves each one under
a type it takes from the file's name, in any letter case. A file a browser
would run as a document (HTML, XHTML, XML with a style sheet, an SVG with a
script in any namespace prefix) would run at the handbook's own address,
where the pages' Content-Security-Policy does not reach it. So what may be
published is decided here by the name as a server reads it and by the
content, never by a lower-case extension list:

* raster images, PDFs and fonts, whose first bytes must say they are one;
* style sheets that load nothing from elsewhere;
* SVG images that a namespace-aware XML reading without DTDs or entities
  finds to hold only drawing elements and attributes (`svg_problem`);
* plain text (robots.txt) and the engine's own pages (`.md` in the docs
  folder, templates in the theme folder);
* in the built site besides: the engine's and the indexer's own files
  (scripts, their source maps, JSON, the feed and sitemap as XML in their
  own namespaces only, the index's compressed chunks).

Everything else is refused, located, in the author's language. The same
rules judge the sources before the engine runs (`check_published`) and
every file of the built site after it (`audit.audit_site`).

Nothing outside the repository is published: a symbolic link, a hard link
(the same file under a second name, possibly outside), and anything that
is not a plain file or folder (a pipe would stop the engine) are refused in
every folder the engine copies from and in every path `mkdocs.yml` names.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterator
from xml.sax import SAXParseException
from xml.sax.handler import ContentHandler, feature_external_ges, feature_external_pes, feature_namespaces

from defusedxml import DefusedXmlException, DTDForbidden
from defusedxml.expatreader import DefusedExpatParser

from .addresses import leaves_site, scheme_of
from ..words.messages import say
from ..words.problems import Problems
from .write import SITE_MARKER

# First bytes of each binary type a browser shows but never runs.
MAGIC: dict[str, tuple[bytes, ...]] = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),  # and WEBP at byte 8 (`_binary_ok`)
    ".avif": (b"",),  # 'ftyp' at byte 4 (`_binary_ok`)
    ".ico": (b"\x00\x00\x01\x00",),
    ".pdf": (b"%PDF-",),
    ".woff": (b"wOFF",),
    ".woff2": (b"wOF2",),
    ".ttf": (b"\x00\x01\x00\x00", b"true"),
    ".otf": (b"OTTO",),
}
TEXT = frozenset({".txt"})  # served as text/plain: shown, never run
# Types a browser reads as a document that can run script.
DOCUMENTS = frozenset({".html", ".htm", ".xhtml", ".xht", ".shtml", ".xml", ".xsl", ".xslt", ".svgz", ".mht",
                       ".mhtml", ".hta", ".php", ".jsp", ".asp", ".aspx", ".rdf", ".mml", ".swf", ".wasm", ".js",
                       ".mjs"})
# The engine's own pages in the docs folder, and what the theme folder holds
# that MkDocs renders or leaves out rather than copies (its own rules).
PAGE_SOURCES = frozenset({".md"})
# (Dot files are not copied, but Material inlines the SVG icons of a
# `.icons` folder into pages: they are judged like any image.)
THEME_UNCOPIED = re.compile(r"\.(?:py|pyc|html)$|readme|^mkdocs_theme\.yml$|^locales/", re.IGNORECASE)

# The built site: files the engine and the indexer write besides pages.
SITE_ALSO = frozenset({".js", ".map", ".json"})  # served as script or JSON: run only where a page names them
INDEX_FOLDER = "pagefind"
INDEX_CHUNKS = frozenset({".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter", ".pagefind"})
GZIP = b"\x1f\x8b"
# XML the site itself writes (the Atom feed, the sitemap): only these
# namespaces, so no element of a language a browser runs (XHTML, SVG) or
# styles (XSLT) can stand in it.
XML_NAMESPACES = frozenset({"http://www.w3.org/2005/Atom", "http://www.sitemaps.org/schemas/sitemap/0.9"})

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"
# Drawing elements: shapes, text, gradients, clipping, filters. No script,
# foreignObject, image, a, animate or set, iframe, or anything else that
# runs, embeds, links or changes an attribute over time.
SVG_ELEMENTS = frozenset("""
svg g defs symbol use title desc path rect circle ellipse line polyline polygon text tspan textPath
linearGradient radialGradient stop pattern clipPath mask marker style switch metadata image
filter feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting
feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR feGaussianBlur feMerge
feMergeNode feMorphology feOffset fePointLight feSpecularLighting feSpotLight feTile feTurbulence
""".split())
# Their geometry and presentation attributes.
SVG_ATTRIBUTES = frozenset("""
id class style lang tabindex role aria-label aria-hidden aria-labelledby aria-describedby
version baseProfile width height x y x1 y1 x2 y2 cx cy r rx ry fx fy fr d points pathLength
viewBox preserveAspectRatio transform gradientTransform gradientUnits patternTransform patternUnits
patternContentUnits spreadMethod offset href clipPathUnits maskUnits maskContentUnits markerWidth
markerHeight markerUnits refX refY orient filterUnits primitiveUnits in in2 result mode type values
operator k1 k2 k3 k4 order kernelMatrix divisor bias targetX targetY edgeMode kernelUnitLength
preserveAlpha surfaceScale diffuseConstant specularConstant specularExponent limitingConeAngle azimuth
elevation pointsAtX pointsAtY pointsAtZ z scale xChannelSelector yChannelSelector stdDeviation dx dy
radius baseFrequency numOctaves seed stitchTiles tableValues amplitude exponent intercept slope
text-anchor dominant-baseline alignment-baseline baseline-shift font-family font-size font-size-adjust
font-stretch font-style font-variant font-weight letter-spacing word-spacing text-decoration
writing-mode direction unicode-bidi textLength lengthAdjust startOffset method spacing side rotate
fill fill-opacity fill-rule stroke stroke-dasharray stroke-dashoffset stroke-linecap stroke-linejoin
stroke-miterlimit stroke-opacity stroke-width opacity color color-interpolation
color-interpolation-filters clip clip-path clip-rule mask filter flood-color flood-opacity
lighting-color stop-color stop-opacity display visibility overflow shape-rendering text-rendering
image-rendering vector-effect paint-order marker-start marker-mid marker-end isolation mix-blend-mode
media requiredFeatures requiredExtensions systemLanguage space
pointer-events focusable enable-background color-rendering kerning cursor font
""".split())
# Namespaces whose elements a browser runs, shows as a page or transforms
# with; elements of any other namespace in an SVG image (an editor's own:
# Inkscape, Sodipodi, RDF metadata) are inert data, drawn as nothing.
ACTIVE_NAMESPACES = frozenset({SVG, "http://www.w3.org/1999/xhtml", "http://www.w3.org/1998/Math/MathML",
                               "http://www.w3.org/1999/XSL/Transform", XLINK})
# What an <image> may show: a raster image inside the file itself.
_RASTER_DATA = re.compile(r"\s*data:image/(?:png|jpeg|jpg|gif|webp);base64,", re.IGNORECASE)
# In CSS and presentation attributes: anything that loads or runs.
_CSS_LOADS = re.compile(r"@import|expression\s*\(|image-set\s*\(|-moz-binding|behavior\s*:|"
                        r"url\s*\(\s*(?!['\"]?#)", re.IGNORECASE)


@dataclass(frozen=True)
class Refusal:
    """Why a file may not be published, and where in it (1-based)."""

    line: int
    col: int
    message: str


def suffix_of(name: str) -> str:
    """The type a static server reads from a file's name: its last
    extension, in lower case ('.SVG' is '.svg')."""
    return PurePosixPath(name).suffix.lower()


def judge(relative: str, data: bytes, where: str, scripts: frozenset[str] = frozenset()) -> list[Refusal]:
    """Why the file may not be published (`_judge`): a style sheet's every
    place that loads from elsewhere, else the one reason or none."""
    if suffix_of(relative) == ".css":
        return css_problems(data)
    refusal = _judge(relative, data, where, scripts)
    return [] if refusal is None else [refusal]


def _judge(relative: str, data: bytes, where: str, scripts: frozenset[str]) -> Refusal | None:
    """Whether the file at `relative` (a path in its folder, with '/'),
    holding `data`, may be published from `where`: 'docs' (the docs folder),
    'theme' (the theme's custom folder) or 'site' (the built site, whose
    pages the page audit reads). `scripts`: the docs folder's scripts that
    `mkdocs.yml` names (`extra_javascript`)."""
    suffix = suffix_of(relative)
    if where == "docs" and suffix in PAGE_SOURCES and relative.endswith(".md"):
        return None  # a page: the engine renders it, the audit reads what it made
    if where == "docs" and relative in scripts:
        return None  # named in mkdocs.yml: the pages load it (the audit allows only these and the theme's)
    if where == "site":
        if relative == SITE_MARKER and not data:
            return None  # empty: the mark that a later build may replace this site
        if suffix == ".html" and relative.endswith(".html"):
            return None  # a page of the engine: read by the page audit
        if suffix in SITE_ALSO:
            return None
        if relative.split("/")[0] == INDEX_FOLDER and suffix in INDEX_CHUNKS:
            return None if data[:2] == GZIP or data[:4] == b"\0asm" else Refusal(1, 1, say("file_not_its_type",
                                                                                          type=suffix))
        if suffix == ".xml":
            return xml_problem(data)
        if not suffix and b"<" not in data:
            return None  # a theme's LICENSE: served as an unknown type, and no markup in it to run
        if suffix == ".gz":
            return None if data[:2] == GZIP else Refusal(1, 1, say("file_not_its_type", type=suffix))
    if suffix == ".svg":
        return svg_problem(data)
    if suffix in TEXT:
        return None
    if suffix in MAGIC:
        return None if _binary_ok(suffix, data) else Refusal(1, 1, say("file_not_its_type", type=suffix))
    if suffix in DOCUMENTS:
        key = "file_script" if suffix in (".js", ".mjs") else "file_document"
        return Refusal(1, 1, say(key, type=suffix))
    return Refusal(1, 1, say("file_unknown_type", type=suffix or say("file_no_extension")))


def _binary_ok(suffix: str, data: bytes) -> bool:
    if suffix == ".webp":
        return data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    if suffix == ".avif":
        return data[4:8] == b"ftyp" and data[8:12] in (b"avif", b"avis")
    return any(data.startswith(magic) for magic in MAGIC[suffix])


# An address in a style sheet: `url(...)`, quoted either way or not (an
# unquoted body holds no '(', so a search that fails stops at the next one:
# "url(url(url(…" is read once), a quoted string in `image-set(...)`, and
# `@import '...'`.
_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^'"()\s]*))\s*\)"""
                      r"""|@import\s+(?:"([^"]*)"|'([^']*)')|image-set\(([^()]*)\)""", re.IGNORECASE)
_CSS_STRING = re.compile(r""""([^"]*)"|'([^']*)'""")
# CSS escapes ('\75 rl(' is 'url('): read as the browser reads them.
_CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})[ \t\n\r\f]?|(.))", re.DOTALL)


def _css_unescaped(text: str) -> str:
    def one(match: re.Match[str]) -> str:
        if match.group(1) is None:
            return match.group(2)
        code = int(match.group(1), 16)
        return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"
    return _CSS_ESCAPE.sub(one, text) if "\\" in text else text


def css_problems(data: bytes) -> list[Refusal]:
    """A style sheet may load nothing from another host (`url()` to the
    site's own files and images inside the sheet itself are fine): each
    place it would."""
    text = _css_unescaped(data.decode("utf-8", errors="replace"))
    found = []
    for match in _CSS_URL.finditer(text):
        if match.group(6) is not None:  # image-set("a.png" 1x, "b.png" 2x)
            urls = [part.group(1) if part.group(1) is not None else part.group(2)
                    for part in _CSS_STRING.finditer(match.group(6))]
        else:
            urls = [next(group for group in match.groups()[:5] if group is not None)]
        for url in urls:
            if scheme_of(url) == "data" and match.group(4) is None and match.group(5) is None:
                continue  # an image inside the style sheet itself (the theme's icons)
            if leaves_site(url):
                at = match.start()
                line = text.count("\n", 0, at) + 1
                found.append(Refusal(line, at - (text.rfind("\n", 0, at) + 1) + 1,
                                     say("audit_css_elsewhere", url=url[:80])))
    return found


class _Refused(Exception):
    def __init__(self, key: str, needle: str = "<", **values: str) -> None:
        super().__init__(key)
        self.key = key
        self.values = values  # an 'element' is named as written, with its prefix, once it is found
        self.needle = needle  # what to point at, looked for back from where the reader stopped


class _DrawingOnly(ContentHandler):
    """Refuses, at its place, the first element or attribute that is not
    drawing: a reading with namespaces resolved, so `<s:script>` under any
    prefix is the script it is."""

    def __init__(self, namespaces: frozenset[str] | None = None) -> None:
        super().__init__()
        self.namespaces = namespaces  # None: an SVG image
        self.style_depth = 0
        self.style_text: list[str] = []

    def processingInstruction(self, target: str, data: str) -> None:  # noqa: N802 (SAX's names)
        # <?xml-stylesheet?> makes a browser run a style sheet (or XSLT) over the file.
        raise _Refused("svg_instruction", "<?", target=target[:40])

    def startElementNS(self, name: tuple[str | None, str], qname: str | None, attrs) -> None:  # noqa: N802
        namespace, local = name
        if self.namespaces is not None:
            if namespace not in self.namespaces:
                raise _Refused("xml_namespace", element=local, namespace=namespace or "-")
            return
        if namespace not in ACTIVE_NAMESPACES and namespace is not None:
            return  # an editor's own data: inert
        if namespace != SVG or local not in SVG_ELEMENTS:
            raise _Refused("svg_element", element=local, namespace=namespace or "-")
        if local == "style":
            self.style_depth += 1
        for (attribute_namespace, attribute), value in attrs.items():
            shown = attrs.getQNameByName((attribute_namespace, attribute)) or attribute
            if attribute_namespace not in ACTIVE_NAMESPACES and attribute_namespace not in (None, XML):
                continue  # an editor's own attribute ('inkscape:label'): inert
            if attribute.lower().startswith("on") or attribute_namespace in ACTIVE_NAMESPACES - {XLINK} or (
                    attribute_namespace is None and attribute not in SVG_ATTRIBUTES
                    and not attribute.startswith(("data-", "aria-"))):
                raise _Refused("svg_attribute", shown, attribute=shown, element=local)
            if attribute == "href" and local == "image" and _RASTER_DATA.match(value):
                continue  # a photo inside the drawing
            if attribute == "href" and not value.strip().startswith("#"):
                raise _Refused("svg_href", shown, attribute=shown, value=value[:60])
            if _CSS_LOADS.search(_css_unescaped(value)):
                raise _Refused("svg_loads", shown, attribute=shown, value=value[:60])

    def endElementNS(self, name: tuple[str | None, str], qname: str | None) -> None:  # noqa: N802
        if name == (SVG, "style"):
            self.style_depth -= 1
            if self.style_depth == 0:
                text, self.style_text = "".join(self.style_text), []
                if _CSS_LOADS.search(_css_unescaped(text)):
                    raise _Refused("svg_style_loads", "<style")

    def characters(self, content: str) -> None:
        if self.style_depth:
            self.style_text.append(content)


class _NoInternalSubset(DefusedExpatParser):
    """A document type line naming the SVG standard (drawing programs write
    it) is read and passed over; a DTD of the file's own, between '[' and
    ']', is refused: it can declare entities or default attributes (an
    onload on every element). Entities are refused wherever declared, and
    nothing outside the file is read."""

    def reset(self) -> None:
        super().reset()
        self._parser.StartDoctypeDeclHandler = self._doctype
        # The standard's DTD that the line names is not read (as browsers do not).
        self._parser.ExternalEntityRefHandler = lambda *_: 1

    def _doctype(self, name: str, system: str | None, public: str | None, internal_subset: int) -> None:
        if internal_subset:
            raise DTDForbidden(name, system, public)


def _read_xml(data: bytes, handler: _DrawingOnly) -> Refusal | None:
    parser = _NoInternalSubset(forbid_dtd=False, forbid_entities=True, forbid_external=True)
    parser.setFeature(feature_namespaces, True)
    parser.setFeature(feature_external_ges, False)
    parser.setFeature(feature_external_pes, False)
    parser.setContentHandler(handler)

    def place() -> tuple[int, int]:
        try:
            return max(1, parser.getLineNumber()), parser.getColumnNumber() + 1
        except (AttributeError, TypeError):
            return 1, 1

    try:
        parser.feed(data)
        parser.close()
    except _Refused as refused:
        line, col = _back_to(data, place(), refused.needle)
        values = dict(refused.values)
        if "element" in values:  # as written: '<s:script>' rather than 'script'
            written = _TAG_NAME.match(_line_of(data, line), col - 1) if refused.needle == "<" else None
            values["element"] = written.group(1) if written else values["element"]
        return Refusal(line, col, say(refused.key, **values))
    except DefusedXmlException:
        # A DTD can declare entities that expand into a script, or a
        # default attribute such as onload: none is read.
        return Refusal(*place(), say("svg_dtd"))
    except SAXParseException as failure:
        return Refusal(max(1, failure.getLineNumber() or 1), (failure.getColumnNumber() or 0) + 1,
                       say("svg_not_xml", reason=str(failure.getMessage())[:80]))
    except (ValueError, LookupError) as failure:  # an encoding expat does not know
        return Refusal(1, 1, say("svg_not_xml", reason=str(failure)[:80]))
    return None


_TAG_NAME = re.compile(r"<([^\s/>]{1,80})")


def _line_of(data: bytes, line: int) -> str:
    lines = data.decode("utf-8", errors="replace").split("\n", line)
    return lines[line - 1] if len(lines) >= line else ""


def _back_to(data: bytes, stopped: tuple[int, int], needle: str) -> tuple[int, int]:
    """Where `needle` last stands before the place the reader stopped at (it
    stops at the end of the tag it was reading, or of the style element)."""
    text = data.decode("utf-8", errors="replace")
    line, col = stopped
    offset = 0
    for _ in range(line - 1):
        offset = text.find("\n", offset) + 1
        if offset == 0:
            return stopped
    end = min(len(text), offset + col - 1)
    tag = text.rfind("<", 0, end)
    at = text.rfind(needle, tag if needle != "<" and not needle.startswith("<") else 0, end)
    if at < 0:
        return stopped
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


def svg_problem(data: bytes) -> Refusal | None:
    """An SVG image is published only when it holds drawing alone: every
    element in the SVG namespace and on the allow-list, every attribute a
    drawing attribute, no event handler, no address but '#' within the
    image, no processing instruction, DTD or entity."""
    return _read_xml(data, _DrawingOnly())


def xml_problem(data: bytes) -> Refusal | None:
    """XML the site writes itself (feed, sitemap): only in its own
    namespaces, without instructions or DTD."""
    return _read_xml(data, _DrawingOnly(XML_NAMESPACES))


# --- what may be copied at all: real files inside the repository


def entries(folder: Path, skip: str | None = None) -> Iterator[tuple[Path, os.stat_result]]:
    """Every entry below `folder`, with its own status (links not followed),
    in a fixed order; folders that are links are not entered, nor the
    folder `skip` directly in it (itself still listed)."""
    for root, folders, files in os.walk(folder):
        folders.sort()
        if skip is not None and root == str(folder) and skip in folders:
            folders.remove(skip)
            files = [*files, skip]
        here = Path(root)
        for name in sorted(folders + files):
            path = here / name
            try:
                yield path, path.lstat()
            except OSError:
                continue


def entry_problem(status: os.stat_result) -> str | None:
    """Why an entry cannot be copied as it is: a link, or not a plain file or folder."""
    mode = status.st_mode
    if stat.S_ISLNK(mode):
        return say("docs_file_symlink")
    if stat.S_ISDIR(mode):
        return None
    if not stat.S_ISREG(mode):
        return say("file_special")
    if status.st_nlink > 1:
        return say("file_hard_link", links=status.st_nlink)
    return None


@dataclass(frozen=True)
class Sources:
    """The folders the engine copies from, and the paths mkdocs.yml names."""

    project: Path
    docs: Path
    theme: Path | None
    generated: str  # the generator's own folder in the docs folder, checked after the engine
    scripts: frozenset[str]  # extra_javascript: paths in the docs folder
    # (setting, path) for each path mkdocs.yml names; a str is an address as written (extra_javascript ...)
    named: tuple[tuple[str, Path | str], ...]


def shown_path(project: Path, path: Path) -> str:
    """A path as messages show it: from the project's folder when inside it."""
    base = project.absolute()
    return path.relative_to(base).as_posix() if path.is_relative_to(base) else str(path)


def check_published(sources: Sources, problems: Problems) -> None:
    """Every file the engine would publish from the docs folder and the
    theme folder is one that may be published; nothing there or named in
    mkdocs.yml leads outside the repository."""
    project = sources.project.absolute()
    for setting, path in sources.named:
        _check_named(project, setting, path, problems)
    _tracked_generated(sources, problems)
    for folder, where in ((sources.docs, "docs"), (sources.theme, "theme")):
        if folder is None:
            continue
        shown = shown_path(project, folder)
        if folder.is_symlink():
            problems.error(shown, 1, 1, say("docs_symlink"))
            continue
        if not folder.is_dir():
            continue
        # The generator's own folder: written by the generator alone (its writer
        # refuses links), refused in git, and read by the audit once built.
        for path, status in entries(folder, sources.generated if where == "docs" else None):
            relative = path.relative_to(folder).as_posix()
            at = f"{shown}/{relative}"
            if _UNSAFE_NAME.search(relative):
                # Shown escaped: a line break in a name would start a line of its own in CI's log.
                problems.error(at.encode("unicode_escape").decode("ascii"), 1, 1, say("file_name_control"))
                continue
            why = entry_problem(status)
            if why is not None:
                problems.error(at, 1, 1, why)
                continue
            if stat.S_ISDIR(status.st_mode) or _not_published(relative, where, sources.generated):
                continue
            for refusal in judge(relative, _head_or_all(path, relative), where, sources.scripts):
                problems.error(at, refusal.line, refusal.col, refusal.message)


# Control characters (a line break, an escape) in a file's name.
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _tracked_generated(sources: Sources, problems: Problems) -> None:
    """The generator's own folder holds only what it writes: a file put in
    git there (past .gitignore) would be published unchecked."""
    import subprocess

    folder = sources.docs / sources.generated
    try:
        listed = subprocess.run(["git", "ls-files", "-z", "--", str(folder)], cwd=sources.project,
                                capture_output=True, check=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return  # not a git checkout: nothing can be in git there
    shown = shown_path(sources.project.absolute(), folder)
    for name in sorted(filter(None, listed.decode("utf-8", "replace").split("\0"))):
        inside = Path(os.path.abspath(sources.project / name))
        relative = inside.relative_to(folder.absolute()).as_posix() if inside.is_relative_to(folder.absolute()) else name
        problems.error(f"{shown}/{relative}".encode("unicode_escape").decode("ascii"), 1, 1,
                       say("generated_tracked", folder=shown))


def _not_published(relative: str, where: str, generated: str) -> bool:
    """Files the engine leaves out (dot files, the theme's templates), and
    the generator's own output, which the audit of the built site reads."""
    if where == "theme":
        return bool(THEME_UNCOPIED.search(relative))
    first = relative.split("/")[0]
    return first == generated or any(part.startswith(".") for part in relative.split("/"))


# Binary types are judged by their first bytes; text types are read whole.
_READ_WHOLE = frozenset({".svg", ".css", ".xml"})


def _head_or_all(path: Path, relative: str) -> bytes:
    with path.open("rb") as handle:
        return handle.read() if suffix_of(relative) in _READ_WHOLE else handle.read(16)


def _check_named(project: Path, setting: str, path: Path | str, problems: Problems) -> None:
    """A path mkdocs.yml names must stay inside the repository, through no
    link; an address elsewhere would make every page load from there."""
    if isinstance(path, str):
        if leaves_site(path):
            problems.error("mkdocs.yml", 1, 1, say("config_remote", setting=setting, url=path[:80]))
        return
    absolute = Path(os.path.abspath(project / path))
    if not absolute.is_relative_to(project):
        problems.error("mkdocs.yml", 1, 1, say("config_path_outside", setting=setting, path=str(path)))
        return
    current = project
    for part in absolute.relative_to(project).parts:
        current = current / part
        if current.is_symlink():
            problems.error("mkdocs.yml", 1, 1, say("config_path_link", setting=setting, path=shown_path(project, current)))
            return

