"""Import step: a Word document (.docx, also Google Docs' "Download as .docx") becomes a draft, through mammoth.

mammoth reads the document's meaning rather than its looks: Title and Heading styles, lists,
bold and italics, links, tables and footnotes. Comments are left out and tracked changes are
read as accepted (deleted text gone). Pictures and text boxes are left out with a note; a picture
the document only links to is never fetched (mammoth's outside-file access stays off, and the
picture's bytes are never asked for). The document's own properties — title, author, last
modified — fill the front matter when the text does not. Numbered lists are counted as Word
counts them (`word_numbering`), since mammoth starts every run of list paragraphs at 1.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path
from xml.parsers import expat
from xml.parsers.expat import ExpatError

import lxml.html
from lxml import etree

from pipeline.article import Block, Heading, Paragraph, clean_line, plain, visible
from pipeline.errors import ImportFailed
from pipeline.importing.draft import Draft
from pipeline.importing.fragment import fragment_blocks
from pipeline.importing.furniture import BYLINE, Byline, Removed, byline
from pipeline.importing.spans import top_level_two
from pipeline.importing.word_numbering import numbered_document, numbered_lists
from pipeline.sources import read_limited

MAX_DOCUMENT_BYTES = 50_000_000
MAX_XML_BYTES = 60_000_000  # all of the document's XML once unzipped: a zip bomb stops here
# XML elements in all of its parts: mammoth takes over a minute for 400,000 empty ones, while a
# 300-page book has well under 200,000. (It also runs in a child process held to a minute.)
MAX_ELEMENTS = 250_000
STYLE_MAP = "\n".join([
    "p[style-name='Title'] => h1.document-title:fresh",
    "p[style-name='Subtitle'] => p.document-subtitle:fresh",
    # Word's quotation styles are block quotes (mammoth would read them as plain paragraphs).
    "p[style-name='Quote'] => blockquote > p:fresh",
    "p[style-name='Intense Quote'] => blockquote > p:fresh",
    "strike => del",  # mammoth leaves struck-through words out unless told; they stay, marked
    "p[style-name='TOC Heading'] => p.table-of-contents:fresh",
    *(f"p[style-name='toc {level}'] => p.table-of-contents:fresh" for level in range(1, 10)),
])
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
_CORE = {"dc": "http://purl.org/dc/elements/1.1/", "dcterms": "http://purl.org/dc/terms/",
         "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"}


def read_document(path: Path) -> Draft:
    """Read a .docx file into a draft article."""
    data = _read(path)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        core = _core_properties(path, package)
        language = core.get("language") or _language(path, package)
        text_boxes = _text_boxes(path, package)
    import mammoth  # loads only for Word files

    def no_picture(image: object) -> dict[str, str]:
        return {"src": ""}  # the picture's bytes are never opened, so a linked one is never fetched

    try:
        marked, numbers = numbered_document(data)  # Word's own list numbers, which mammoth does not count
        result = mammoth.convert_to_html(io.BytesIO(marked), style_map=STYLE_MAP, external_file_access=False,
                                         convert_image=mammoth.images.img_element(no_picture))
    except ExpatError as exc:  # a damaged part other than the body (styles, numbering, notes)
        raise ImportFailed(f"{path}: line {exc.lineno} of one of its parts: not well-formed XML "
                           f"({expat.ErrorString(exc.code)})") from None
    except Exception as exc:  # noqa: BLE001 - a damaged document is untrusted input: one line, never a traceback
        raise ImportFailed(f"{path}: not a readable Word document ({type(exc).__name__}: {exc})") from None
    html, title, subtitle, contents = _notes_and_title(visible(numbered_lists(result.value, numbers)))
    blocks, dropped = fragment_blocks(html)
    if not blocks and not title:
        raise ImportFailed(f"{path}: the Word document is empty; nothing to import")
    if not blocks:
        raise ImportFailed(f"{path}: the Word document has a title but no text; nothing to import")
    kept = " ".join(lxml.html.fragment_fromstring(html, create_parent="div").text_content().split()) if html else ""
    lost = [text for text in text_boxes if " ".join(text.split()) not in kept]
    removed = [*([Removed(0, "table of contents", " / ".join(contents))] if contents else []), *dropped,
               *(Removed(0, "text box", text) for text in lost)]
    removed = [Removed(number, item.kind, item.text) for number, item in enumerate(removed, start=1)]
    blocks, found = _bylines(blocks, removed)
    title = title or core.get("title")
    notes: tuple[str, ...] = ()
    if not title and blocks and isinstance(blocks[0], Heading) and blocks[0].level == 2:
        title, rest = plain(blocks[0].text), list(blocks[1:])  # the first heading, before any text, is the title
        top_level_two(rest)  # so the headings under it start at ## again
        blocks = tuple(rest)
        notes = (f"review: no Title paragraph; title: is the first heading, {title!r}",)
    boxes = [text for text in text_boxes if text not in lost]
    if boxes:
        shown = " / ".join(f"{text[:60]!r}" for text in boxes[:3])
        notes += (f"review: {len(boxes)} text box(es) kept as paragraphs where they stood ({shown}); "
                  "check each reads well in its place",)
    pictures = sum(1 for item in removed if item.kind in ("image", "text box"))
    if pictures:
        notes += (f"review: {pictures} picture(s) or text box(es) were left out; check the text still reads "
                  "well without them",)
    author = next((line.author for line in found if line.author), None) or core.get("author")
    updated = next((line.updated or line.published for line in found if line.updated or line.published), None)
    return Draft(blocks=blocks, title=title, author=author, updated=updated or _day(core.get("modified")),
                 removed=tuple(removed), summary=subtitle, notes=notes,
                 language=language)


def _bylines(blocks: tuple[Block, ...], removed: list[Removed]) -> tuple[tuple[Block, ...], list[Byline]]:
    """"Author: …", "Date: …" or "By …" paragraphs at the top of the document go to the front matter."""
    found: list[Byline] = []
    kept = list(blocks)
    for block in blocks[:4]:  # the lines under a handout's title, before its text starts
        if isinstance(block, Heading):
            continue
        if not isinstance(block, Paragraph) or (line := byline(plain(block.text))) is None:
            break
        found.append(line)
        kept.remove(block)
        removed.append(Removed(len(removed) + 1, BYLINE, plain(block.text)))
    return tuple(kept), found


def _read(path: Path) -> bytes:
    data = read_limited(path, MAX_DOCUMENT_BYTES, "one Word document", ImportFailed)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFailed(f"{path}: an old Word .doc file (or one with a password); open it in Word "
                           "and save it as .docx")
    if not data.startswith(b"PK"):
        raise ImportFailed(f"{path}: not a Word .docx file (it is not a zip package)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = package.namelist()
            unzipped = sum(info.file_size for info in package.infolist() if info.filename.endswith((".xml", ".rels")))
    except zipfile.BadZipFile as exc:
        raise ImportFailed(f"{path}: not a Word .docx file ({exc})") from None
    if "word/document.xml" not in names:
        raise ImportFailed(f"{path}: a zip file but not a Word document (no word/document.xml)")
    if unzipped > MAX_XML_BYTES:
        raise ImportFailed(f"{path}: unpacks to over {MAX_XML_BYTES // 1_000_000} MB of text; expected one document")
    return _text_parts_only(path, data)


def _text_parts_only(path: Path, data: bytes) -> bytes:
    """The package with every part that is not XML (pictures, fonts, embedded files) left empty.

    Nothing here reads a picture's bytes, and nothing then can unpack one: a 3 MB document whose
    picture unzips to 3 GB costs what its text costs. The XML parts' sizes are the ones declared,
    which zipfile holds them to, and their elements are counted before any is read into a tree.
    """
    out = io.BytesIO()
    elements = 0
    with zipfile.ZipFile(io.BytesIO(data)) as package, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as text:
        for info in package.infolist():
            if not info.filename.endswith((".xml", ".rels")):
                text.writestr(info.filename, b"")
                continue
            try:
                part = package.read(info)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
                raise ImportFailed(f"{path}: {info.filename}: cannot be unpacked ({exc})") from None
            elements += part.count(b"<") - part.count(b"</") - part.count(b"<?") - part.count(b"<!")
            if elements > MAX_ELEMENTS:
                raise ImportFailed(f"{path}: holds over {MAX_ELEMENTS:,} XML elements (a 300-page book has "
                                   "fewer); expected one document — save it again from Word, or split it")
            text.writestr(info, part)
    return out.getvalue()


def _xml(path: Path, package: zipfile.ZipFile, name: str) -> etree._Element | None:
    if name not in package.namelist():
        return None
    try:
        return etree.fromstring(package.read(name), _SAFE_XML)
    except etree.XMLSyntaxError as exc:
        raise ImportFailed(f"{path}: {name}: line {exc.lineno}: not well-formed XML ({exc.msg})") from None


def _core_properties(path: Path, package: zipfile.ZipFile) -> dict[str, str]:
    """Title, author and last-modified date from docProps/core.xml, where set."""
    root = _xml(path, package, "docProps/core.xml")
    if root is None:
        return {}
    found = {}
    for key, name in (("title", "dc:title"), ("author", "dc:creator"), ("modified", "dcterms:modified"),
                      ("language", "dc:language")):
        element = root.find(name, _CORE)
        if element is not None and clean_line(visible(element.text or "")):
            found[key] = clean_line(visible(element.text or ""))
    return found


def _text_boxes(path: Path, package: zipfile.ZipFile) -> list[str]:
    """The words of each text box (call-outs such as a crisis line); mammoth reads them where they stand."""
    root = _xml(path, package, "word/document.xml")
    words: list[str] = []
    for box in root.findall(f".//{{{_W}}}txbxContent") if root is not None else []:
        text = " ".join(" ".join(box.itertext()).split())  # Word writes each box twice: new and old form
        if text and text not in words:
            words.append(text)
    return words


def _notes_and_title(html: str) -> tuple[str, str | None, str | None, list[str]]:
    """Footnotes and endnotes as a short "Notes" section; the Title, Subtitle and table of contents taken out."""
    if not html.strip():
        return "", None, None, []
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    title = subtitle = None
    contents = []
    for entry in root.xpath(".//p[@class='table-of-contents']"):
        contents.append(" ".join(entry.text_content().split()))
        entry.drop_tree()
    for element in root.xpath(".//h1[@class='document-title'] | .//p[@class='document-subtitle']"):
        text = clean_line(element.text_content())
        if element.tag == "h1":
            title = title or text or None
        else:
            subtitle = subtitle or text or None
        element.drop_tree()
    for back_link in root.xpath(".//a[starts-with(@href, '#footnote-ref-') or starts-with(@href, '#endnote-ref-')]"):
        back_link.drop_tree()
    notes = root.xpath("./ol[li[starts-with(@id, 'footnote-') or starts-with(@id, 'endnote-')]]")
    levels = [int(heading.tag[1]) for heading in root.xpath(".//h1 | .//h2 | .//h3 | .//h4 | .//h5 | .//h6")]
    for index, listing in enumerate(notes):
        if index == 0:  # as high as the document's own top headings, so it is a section of its own
            heading = lxml.html.Element(f"h{min(levels, default=2)}")
            heading.text = "Notes"
            listing.addprevious(heading)
    for empty in root.xpath("./ol[not(*)] | ./dl[not(*)]"):
        empty.drop_tree()
    return lxml.html.tostring(root, encoding="unicode"), title, subtitle, [entry for entry in contents if entry]


def _language(path: Path, package: zipfile.ZipFile) -> str | None:
    """The language the document's text is set in by default (Word's proofing language), e.g. "es-ES"."""
    styles = _xml(path, package, "word/styles.xml")
    found = styles.find(f"{{{_W}}}docDefaults/{{{_W}}}rPrDefault/{{{_W}}}rPr/{{{_W}}}lang") \
        if styles is not None else None
    return found.get(f"{{{_W}}}val") if found is not None else None


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None
