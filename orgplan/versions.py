"""Versions of orgplan and what it runs on, for bug reports."""

from __future__ import annotations

import platform
import shutil
import subprocess
from importlib import metadata

_PACKAGES = (
    "ortools",
    "pydantic",
    "networkx",
    "click",
    "graphviz",
    "openpyxl",
    "PyYAML",
    "jinja2",
    "rich",
)


def versions() -> dict[str, str]:
    """Version of orgplan, its main dependencies, Python and ``dot``."""
    found = {
        "orgplan": _version("orgplan"),
        "python": platform.python_version(),
    }
    found.update({name: _version(name) for name in _PACKAGES})
    found["dot"] = _dot_version()
    return found


def show_versions() -> None:
    """Print :func:`versions` as aligned lines (paste them in bug reports)."""
    table = versions()
    width = max(map(len, table))
    for name, version in table.items():
        print(f"{name:<{width}}  {version}")


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def _dot_version() -> str:
    dot = shutil.which("dot")
    if dot is None:
        return "not found (install Graphviz: apt-get install graphviz)"
    # `dot -V` writes its version to stderr.
    done = subprocess.run(
        [dot, "-V"], capture_output=True, text=True, check=False, timeout=10
    )
    return (done.stderr or done.stdout).strip() or dot
