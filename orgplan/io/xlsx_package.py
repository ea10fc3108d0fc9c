"""Look inside an .xlsx package before openpyxl loads it.

openpyxl unpacks whatever the zip holds and reads what the XML declares.
This pass, over the raw bytes and in bounded memory, refuses what no
spreadsheet program writes and what would cost hours or gigabytes: an
encrypted or pre-2007 workbook, parts that unpack beyond
:data:`~orgplan.io.limits.FILE_MB`, XML with a DTD or entities, a sheet
the workbook lists but whose part is missing. It also notes, per sheet,
the merged ranges and whether any cell holds a formula, which the reader
then reports.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from orgplan.io.limits import FILE_MB, MIB

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
DOC_REL = (
    "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
)
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"

# Any prefix: some writers spell elements x:mergeCell, x:f.
_MARKS = re.compile(
    rb"(?P<dtd><!DOCTYPE|<!ENTITY)"
    rb"|<(?:\w+:)?mergeCell\b[^>]*?\bref=\"(?P<merge>[^\"]{1,40})\""
    rb"|(?P<formula><(?:\w+:)?f[\s>/])"
)
CHUNK = 1 << 20
# Longer than any mark above, so a mark cut by a chunk is seen whole.
OVERLAP = 256


class PackageError(Exception):
    """The file is not a workbook orgplan reads; the message says why."""


@dataclass
class SheetPart:
    """What the raw XML of one sheet holds."""

    part: str
    merged: list[str] = field(default_factory=list)
    formulas: bool = False


def inspect_package(path: Path) -> dict[str, SheetPart]:
    """The sheets of the workbook at ``path`` by name, checked.

    Raises
    ------
    PackageError
        If the workbook is encrypted, an old .xls, not a zip, unpacks
        beyond the limit, uses XML entities or lacks a sheet's part.
    """
    with path.open("rb") as f:
        head = f.read(len(OLE_MAGIC))
    if head == OLE_MAGIC:
        raise PackageError(_ole_message(path))
    try:
        package = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise PackageError(
            "cannot open it as an .xlsx workbook (it is not a zip package); "
            "save it from Excel as 'Excel Workbook (.xlsx)'"
        ) from None
    with package:
        unpacked = sum(info.file_size for info in package.infolist())
        if unpacked > FILE_MB.value * MIB:
            raise PackageError(
                FILE_MB.message(
                    f"the workbook unpacks to {unpacked / MIB:,.0f} MiB, "
                    "which"
                )
            )
        sheets = _sheet_parts(package)
        by_part = {sheet.part: sheet for sheet in sheets.values()}
        for info in package.infolist():
            if info.filename.endswith((".xml", ".rels", ".vml")):
                _scan(package, info.filename, by_part.get(info.filename))
    return sheets


def _ole_message(path: Path) -> str:
    # An encrypted .xlsx is an OLE file holding an "EncryptedPackage"
    # stream; any other OLE file is a pre-2007 .xls workbook.
    if _ENCRYPTED in path.read_bytes()[: 64 * MIB]:
        return (
            "the workbook is encrypted (password-protected); in Excel, "
            "remove the password (File > Info > Protect Workbook > "
            "Encrypt with Password) and save it again"
        )
    return (
        "this is an Excel 97-2003 workbook (.xls), not an .xlsx one; "
        "in Excel, save it as 'Excel Workbook (.xlsx)'"
    )


def _sheet_parts(package: zipfile.ZipFile) -> dict[str, SheetPart]:
    names = set(package.namelist())
    book = _target(package, "_rels/.rels", "", "officeDocument")
    if book is None or book not in names:
        raise PackageError(
            "cannot open it as an .xlsx workbook (it has no workbook "
            "part); save it from Excel as 'Excel Workbook (.xlsx)'"
        )
    folder, base = posixpath.split(book)
    rels = posixpath.join(folder, "_rels", base + ".rels")
    _scan(package, book, None)
    root = ElementTree.fromstring(package.read(book))
    sheets: dict[str, SheetPart] = {}
    for sheet in root.iter(f"{MAIN}sheet"):
        name = sheet.get("name", "")
        part = _target(package, rels, folder, rid=sheet.get(f"{DOC_REL}id"))
        if part is None or part not in names:
            raise PackageError(
                f"the workbook lists sheet {name!r} but its part "
                f"{part or '(none)'} is missing: the file is damaged; "
                "open it in Excel and save it again"
            )
        sheets[name] = SheetPart(part)
    return sheets


def _target(
    package: zipfile.ZipFile,
    rels: str,
    folder: str,
    kind: str | None = None,
    rid: str | None = None,
) -> str | None:
    """The part a relationship of ``rels`` points to, by type or id."""
    try:
        _scan(package, rels, None)
        root = ElementTree.fromstring(package.read(rels))
    except KeyError:
        return None
    for rel in root.iter(f"{PKG_REL}Relationship"):
        if (kind and rel.get("Type", "").endswith("/" + kind)) or (
            rid and rel.get("Id") == rid
        ):
            target = rel.get("Target", "")
            if target.startswith("/"):
                return target[1:]
            return posixpath.normpath(posixpath.join(folder, target))
    return None


def _scan(
    package: zipfile.ZipFile, name: str, sheet: SheetPart | None
) -> None:
    for match in _marks(package, name):
        if match["dtd"]:
            raise PackageError(
                f"its part {name} declares XML entities (<!DOCTYPE> or "
                "<!ENTITY>), which spreadsheet programs never write; "
                "orgplan does not read such a workbook"
            )
        if sheet is None:
            continue
        if match["merge"]:
            sheet.merged.append(match["merge"].decode("ascii", "replace"))
        elif match["formula"]:
            sheet.formulas = True


def _marks(package: zipfile.ZipFile, name: str) -> Iterator[re.Match[bytes]]:
    """The marks in part ``name``, read a chunk at a time."""
    tail = b""
    with package.open(name) as part:
        while True:
            chunk = part.read(CHUNK)
            buffer = tail + chunk
            # A mark starting in the last OVERLAP bytes is read with the
            # next chunk, whole.
            end = len(buffer) if not chunk else len(buffer) - OVERLAP
            for match in _MARKS.finditer(buffer):
                if match.start() < end:
                    yield match
            if not chunk:
                return
            tail = buffer[max(end, 0) :]


def uncomputed_formulas(path: Path, part: str) -> list[str]:
    """The cells of sheet ``part`` with a formula but no computed value.

    A program that writes formulas without computing them (a script,
    some converters) leaves the value out; Excel computes it on opening
    and saving the file.
    """
    found = []
    with zipfile.ZipFile(path) as package, package.open(part) as xml:
        for _, element in ElementTree.iterparse(xml):
            if element.tag == f"{MAIN}row":
                element.clear()
            if element.tag != f"{MAIN}c":
                continue
            formula = element.find(f"{MAIN}f")
            value = element.find(f"{MAIN}v")
            if formula is not None and (value is None or not value.text):
                found.append(element.get("r", "?"))
            element.clear()
    return found
