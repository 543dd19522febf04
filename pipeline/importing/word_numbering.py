"""Import step: a Word document's list numbers, counted as Word counts them, so restarted lists keep theirs.

mammoth sees only whether a paragraph is in a bulleted or a numbered list: it makes one list of
every run of list paragraphs and starts each at 1. Word counts otherwise. Each list (an
`abstractNum`, shared by every `w:num` that points to it) keeps one count per level, across any
paragraphs between its items; a `w:num`'s `startOverride` restarts the count the first time that
`w:num` is used; a level's `w:start` is where it begins; and an item starts the levels below it
afresh. So before mammoth reads the document, each numbered paragraph is given a marker naming its
place in the count; after, each `<ol>` is split where Word began another list or jumped, and each
part starts at the number Word shows for its first item.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

import lxml.html
from lxml import etree

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
# Private-use characters, which no document's words are made of, around a paragraph's place in the count.
_MARKER = re.compile("\ue000(\\d+)\ue001")


@dataclass(frozen=True)
class ListNumber:
    """The number Word shows for one numbered paragraph, and which list it counts in."""

    list_key: tuple[str, int, str]  # the list (abstractNum), the level and its number format
    number: int


def _w(name: str) -> str:
    return f"{{{_W}}}{name}"


def _value(element: etree._Element | None, child: str) -> str | None:
    found = element.find(_w(child)) if element is not None else None
    return found.get(_w("val")) if found is not None else None


def _number(text: str | None, default: int) -> int:
    return int(text) if text and text.lstrip("-").isdigit() else default


class _Numbering:
    """The lists numbering.xml defines and the paragraph styles that number their paragraphs."""

    def __init__(self, numbering: etree._Element, styles: etree._Element | None) -> None:
        self.lists = {item.get(_w("abstractNumId")): item for item in numbering.findall(_w("abstractNum"))}
        self.nums = {item.get(_w("numId")): item for item in numbering.findall(_w("num"))}
        self.styles = {style.get(_w("styleId")): style for style in styles.findall(_w("style"))} \
            if styles is not None else {}

    def style_numbering(self, style_id: str | None) -> tuple[str | None, str | None]:
        """The list and level a paragraph style (or a style it is based on) numbers its paragraphs with."""
        for _ in range(10):  # a basedOn chain that loops ends here
            style = self.styles.get(style_id or "")
            if style is None:
                return None, None
            properties = style.find(f"{_w('pPr')}/{_w('numPr')}")
            if properties is not None:
                return _value(properties, "numId"), _value(properties, "ilvl")
            style_id = _value(style, "basedOn")
        return None, None

    def list_of(self, num_id: str) -> str | None:
        """The abstractNum a w:num counts in, through a numbering style's link where there is one."""
        abstract = _value(self.nums.get(num_id), "abstractNumId")
        for _ in range(10):
            link = _value(self.lists.get(abstract or ""), "numStyleLink")
            linked, _level = self.style_numbering(link) if link else (None, None)
            if linked is None or linked not in self.nums:
                return abstract
            abstract = _value(self.nums[linked], "abstractNumId")
        return abstract

    def level(self, num_id: str, abstract: str | None, level: int) -> etree._Element | None:
        """A level's definition: the w:num's own override of it, else the list's."""
        for override in self.nums[num_id].findall(_w("lvlOverride")):
            if override.get(_w("ilvl")) == str(level) and override.find(_w("lvl")) is not None:
                return override.find(_w("lvl"))
        definition = self.lists.get(abstract or "")
        found = definition.xpath("w:lvl[@w:ilvl=$level]", namespaces={"w": _W}, level=str(level)) \
            if definition is not None else []
        return found[0] if found else None

    def start_override(self, num_id: str, level: int) -> int | None:
        for override in self.nums[num_id].findall(_w("lvlOverride")):
            if override.get(_w("ilvl")) == str(level) and _value(override, "startOverride") is not None:
                return _number(_value(override, "startOverride"), 1)
        return None


def numbered_document(data: bytes) -> tuple[bytes, tuple[ListNumber, ...]]:
    """The .docx with a marker at the start of each numbered paragraph, and the number each marker stands for."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = package.namelist()
        if "word/numbering.xml" not in names:
            return data, ()
        try:
            numbering = _Numbering(etree.fromstring(package.read("word/numbering.xml"), _SAFE_XML),
                                   etree.fromstring(package.read("word/styles.xml"), _SAFE_XML)
                                   if "word/styles.xml" in names else None)
            body = etree.fromstring(package.read("word/document.xml"), _SAFE_XML)
        except etree.XMLSyntaxError:
            return data, ()  # mammoth reads the document and says what is wrong with it
        numbers = _count(body, numbering)
        if not numbers:
            return data, ()
        marked = io.BytesIO()
        with zipfile.ZipFile(marked, "w", zipfile.ZIP_DEFLATED) as copy:
            for info in package.infolist():
                copy.writestr(info, etree.tostring(body, xml_declaration=True, encoding="UTF-8", standalone=True)
                              if info.filename == "word/document.xml" else package.read(info.filename))
    return marked.getvalue(), tuple(numbers)


def _count(body: etree._Element, numbering: _Numbering) -> list[ListNumber]:
    counts: dict[str, dict[int, int]] = {}  # list -> level -> the number its last item had
    started: set[tuple[str, int]] = set()  # the w:num levels whose startOverride has been used
    numbers: list[ListNumber] = []
    # A text box is written twice, for new and old readers: Word counts one copy, and mammoth reads the old one.
    twice = set(body.xpath("//mc:Choice//w:p", namespaces={"w": _W, "mc": _MC}))
    for paragraph in body.iter(_w("p")):
        if paragraph in twice:
            continue
        properties = paragraph.find(_w("pPr"))
        direct = properties.find(_w("numPr")) if properties is not None else None
        style_num, style_level = numbering.style_numbering(_value(properties, "pStyle"))
        num_id = _value(direct, "numId") or style_num
        if not num_id or num_id == "0" or num_id not in numbering.nums:
            continue  # numId 0 takes a style's numbering away
        level = min(max(_number(_value(direct, "ilvl") or style_level, 0), 0), 8)
        abstract = numbering.list_of(num_id)
        definition = numbering.level(num_id, abstract, level)
        name = abstract or f"num {num_id}"
        count = counts.setdefault(name, {})
        override = numbering.start_override(num_id, level)
        if override is not None and (num_id, level) not in started:
            started.add((num_id, level))
            count[level] = override
        elif level in count:
            count[level] += 1
        else:
            count[level] = _number(_value(definition, "start"), 1)
        for deeper in range(level + 1, 9):
            restart = _value(numbering.level(num_id, abstract, deeper), "lvlRestart")
            if restart is None or (restart != "0" and level < _number(restart, 1)):
                count.pop(deeper, None)
        if any(text.text for text in paragraph.iter(_w("t"))):  # mammoth leaves an empty paragraph out
            run = etree.Element(_w("r"))
            etree.SubElement(run, _w("t")).text = f"\ue000{len(numbers)}\ue001"
            paragraph.insert(paragraph.index(properties) + 1 if properties is not None else 0, run)
        numbers.append(ListNumber((name, level, _value(definition, "numFmt") or ""), count[level]))
    return numbers


def numbered_lists(html: str, numbers: tuple[ListNumber, ...]) -> str:
    """mammoth's HTML with each `<ol>` split where Word's count starts again, each part from its first number."""
    if not numbers or not _MARKER.search(html):
        return html
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for listing in list(root.iter("ol")):
        before = listing
        for index, (start, items) in enumerate(_parts(listing, numbers)):
            part = listing
            if index:
                part = etree.Element("ol")
                before.addnext(part)
                part.extend(items)
                before = part
            if start != 1:
                part.set("start", str(start))
    for element in root.iter():
        element.text = _MARKER.sub("", element.text) if element.text else element.text
        element.tail = _MARKER.sub("", element.tail) if element.tail else element.tail
    return (root.text or "") + "".join(lxml.html.tostring(child, encoding="unicode") for child in root)


def _parts(listing: etree._Element, numbers: tuple[ListNumber, ...]) -> list[tuple[int, list[etree._Element]]]:
    """A list's items in runs Word numbers one after another, each with the number it starts at."""
    parts: list[tuple[int, list[etree._Element]]] = []
    previous: ListNumber | None = None
    for item in listing:
        if item.tag != "li":
            continue
        number = _own_number(item, numbers)
        if not parts or number is not None and (previous is None or number.list_key != previous.list_key
                                                or number.number != previous.number + 1):
            parts.append((number.number if number else 1, []))
        parts[-1][1].append(item)
        previous = number or previous
    return parts


def _own_number(item: etree._Element, numbers: tuple[ListNumber, ...]) -> ListNumber | None:
    """The number of a list item: its first marker that is not inside a list nested in it."""
    texts = [item.text or ""]
    for child in item:
        if child.tag in ("ol", "ul"):
            break
        texts += [*child.itertext(), child.tail or ""]
    found = _MARKER.search("".join(texts))
    return numbers[int(found[1])] if found and int(found[1]) < len(numbers) else None
