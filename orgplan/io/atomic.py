"""Write to a temporary place next to the target, move it in at the end.

A failure half-way (a full disk, a bug, Ctrl-C) leaves the target as it
was and no temporary file behind; an operating system's refusal (a full
disk, a read-only folder, a path under a file) is an
:class:`~orgplan.errors.OutputError` naming the path and the reason.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from orgplan.errors import OutputError

# mkstemp creates files readable by their owner only; give them the mode
# an ordinary open() would.
_UMASK = os.umask(0)
os.umask(_UMASK)


@contextmanager
def atomic_file(path: Path) -> Iterator[Path]:
    """Yield a temporary path; on success it replaces ``path``."""
    with _reported(path):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
        os.close(fd)
        tmp = Path(name)
        try:
            yield tmp
            tmp.chmod(0o666 & ~_UMASK)
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)


@contextmanager
def _reported(path: Path) -> Iterator[None]:
    try:
        yield
    except OutputError:
        raise
    except OSError as error:
        # The operating system's reason is in its own words.
        raise OutputError.of(
            "output_cannot_write",
            target=path,
            path=error.filename or path,
            reason=error.strerror or str(error),
        ) from None


@contextmanager
def atomic_folder(path: Path, owned: Iterable[str]) -> Iterator[Path]:
    """Yield a temporary folder; on success its files land in ``path``.

    A new ``path`` is the renamed temporary folder. In an existing one,
    each file is replaced, and the files named in ``owned`` that the
    temporary folder lacks are removed, so that no stale table survives;
    other files in the folder are left alone.
    """
    with _reported(path):
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(
            tempfile.mkdtemp(
                prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
            )
        )
        try:
            yield tmp
            tmp.chmod(0o777 & ~_UMASK)
            for file in tmp.iterdir():
                file.chmod(0o666 & ~_UMASK)
            if not path.exists():
                os.replace(tmp, path)
                return
            for name in owned:
                if not (tmp / name).exists():
                    (path / name).unlink(missing_ok=True)
            for file in tmp.iterdir():
                os.replace(file, path / file.name)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
