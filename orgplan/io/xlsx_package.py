"""Look inside an .xlsx package before openpyxl loads it.

openpyxl unpacks whatever the zip holds and reads what the XML declares.
This pass, over the raw bytes and in bounded memory, refuses what no
spreadsheet program writes and what would cost hours or gigabytes: an
encrypted or pre-2007 workbook, parts that unpack beyond
:data:`~orgplan.io.limits.FILE_MB`, XML with a DTD or entities, a sheet
the workbook lists but whose part is missing. It also notes, per sheet,
the merged ranges, which the reader then reports, and where the shared
strings and the styles are (:mod:`orgplan.io.xlsx_rows` reads them).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from orgplan.i18n import message
from orgplan.io.limits import FILE_MB, MIB

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
DOC_REL = (
    "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
)
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"

# Any prefix: some writers spell elements x:mergeCell.
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([^\"]{1,40})\"")
_DTD = (b"<!DOCTYPE", b"<!ENTITY")
CHUNK = 1 << 20
# Longer than any mark above, so a mark cut by a chunk is seen whole.
OVERLAP = 256


class PackageError(Exception):
    """The file is not a workbook orgplan reads; the catalogue's ``key``
    with ``fields`` says why (English as the exception's text)."""

    def __init__(self, key: str, /, **fields: Any) -> None:
        self.key = key
        self.fields = fields
        super().__init__(message({"key": key, **fields}, "en"))


@dataclass
class SheetPart:
    """One sheet: its part and the merged ranges its XML holds."""

    part: str
    merged: list[str] = field(default_factory=list)


@dataclass
class Layout:
    """The sheets by name, in order, and the parts they share."""

    sheets: dict[str, SheetPart]
    shared_strings: str | None
    styles: str | None


def inspect_package(path: Path) -> Layout:
    """The layout of the workbook at ``path``, checked.

    Raises
    ------
    PackageError
        If the workbook is encrypted, an old .xls, not a zip, unpacks
        beyond the limit, uses XML entities or lacks a sheet's part.
    """
    with path.open("rb") as f:
        head = f.read(len(OLE_MAGIC))
    if head == OLE_MAGIC:
        raise PackageError(_ole_key(path))
    try:
        package = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise PackageError("problem_workbook_not_zip") from None
    with package:
        unpacked = sum(info.file_size for info in package.infolist())
        if unpacked > FILE_MB.value * MIB:
            raise PackageError(
                "problem_limit",
                **FILE_MB.words("limit_unpacked", n=unpacked / MIB),
            )
        layout = _layout(package)
        by_part = {sheet.part: sheet for sheet in layout.sheets.values()}
        for info in package.infolist():
            if info.filename.endswith((".xml", ".rels", ".vml")):
                _scan(package, info.filename, by_part.get(info.filename))
    return layout


def _ole_key(path: Path) -> str:
    # An encrypted .xlsx is an OLE file holding an "EncryptedPackage"
    # stream; any other OLE file is a pre-2007 .xls workbook.
    if _ENCRYPTED in path.read_bytes()[: 64 * MIB]:
        return "problem_workbook_encrypted"
    return "problem_workbook_xls"


def _layout(package: zipfile.ZipFile) -> Layout:
    names = set(package.namelist())
    book = _target(package, "_rels/.rels", "", "officeDocument")
    if book is None or book not in names:
        raise PackageError("problem_workbook_no_book")
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
                "problem_workbook_no_sheet_part",
                name=repr(name),
                part=part or {"key": "problem_workbook_no_part"},
            )
        sheets[name] = SheetPart(part)
    shared = _target(package, rels, folder, "sharedStrings")
    styles = _target(package, rels, folder, "styles")
    return Layout(
        sheets,
        shared if shared in names else None,
        styles if styles in names else None,
    )


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
    """Refuse a DTD in part ``name``; note a sheet's merged ranges."""
    tail = b""
    with package.open(name) as part:
        while chunk := part.read(CHUNK):
            buffer = tail + chunk
            if any(mark in buffer for mark in _DTD):
                raise PackageError("problem_workbook_entities", part=name)
            # A range starting in the last OVERLAP bytes is read whole
            # with the next chunk.
            end = len(buffer) - OVERLAP
            if sheet is not None and b"mergeCell" in buffer:
                sheet.merged += _ranges(buffer, end)
            tail = buffer[max(end, 0) :]
    if sheet is not None:
        sheet.merged += _ranges(tail, len(tail))


def _ranges(buffer: bytes, end: int) -> list[str]:
    return [
        match[1].decode("ascii", "replace")
        for match in _MERGE.finditer(buffer)
        if match.start() < end
    ]
