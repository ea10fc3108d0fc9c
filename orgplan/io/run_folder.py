"""An output folder that changes as a whole, one run at a time.

A run writes into a temporary folder beside the target and, once every
file is there, swaps it in: on Linux with one atomic exchange of the two
folders (``renameat2(RENAME_EXCHANGE)``), elsewhere with two renames
that the next run completes if it was cut between them. A failure, Ctrl-C
or a kill leaves the earlier output as it was; the new one never lies
beside files of an earlier run. A lock beside the folder refuses a second
run into it while the first one writes. ``manifest.json`` lists the
run's files with their SHA-256, so a reader can tell a whole run.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import errno
import hashlib
import json
import os
import re
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from orgplan.errors import OutputError

MANIFEST = "manifest.json"
# What orgplan writes into an output folder, manifest or not (folders of
# earlier versions have none): a folder holding anything else is refused.
OWN_NAMES = re.compile(
    r"plan\.json|report\.html|manifest\.json|proposal\.docx"
    r"|staffing-plan(\.xlsx|\.json)?"
    r"|(before|after|diff)(-\d+)?\.(svg|dot|pdf|png)"
)

_UMASK = os.umask(0)
os.umask(_UMASK)


@contextmanager
def run_folder(target: Path) -> Iterator[Path]:
    """Yield an empty folder; on success it becomes ``target``.

    Raises
    ------
    OutputError
        If ``target`` cannot be written (the path and the operating
        system's reason), holds files orgplan did not write, or another
        run holds its lock. ``target`` is then unchanged.
    """
    # The folder itself is swapped, not a symbolic link to it or ".".
    target = Path(os.path.abspath(target))
    if target.is_symlink():
        target = target.resolve()
    _no_file_above(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with _locked(target):
            _recover(target)
            _check_target(target)
            tmp = Path(
                tempfile.mkdtemp(
                    prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
                )
            )
            try:
                yield tmp
                _finish(tmp)
                _swap(tmp, target)
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
    except OutputError:
        raise
    except OSError as error:
        raise OutputError.of(
            "output_not_written",
            target=str(target),
            path=str(error.filename or target),
            reason=str(error.strerror or error),
        ) from None


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold the lock of a run's folder while writing into it after the
    run (``orgplan export`` beside plan.json), so that a ``plan`` run
    swapping the folder in meanwhile cannot lose or mix the files. A
    folder without a manifest is no run's: nothing to lock.

    Raises
    ------
    OutputError
        If another run holds the lock, or the lock cannot be taken (the
        path and the operating system's reason).
    """
    # The lock of the folder a run swaps (see run_folder).
    folder = Path(os.path.abspath(folder))
    if folder.is_symlink():
        folder = folder.resolve()
    if not (folder / MANIFEST).is_file():
        yield
        return
    with _locked(folder):
        yield


def _no_file_above(target: Path) -> None:
    for above in target.parents:
        if above.exists():
            if not above.is_dir():
                raise OutputError.of(
                    "output_file_above", target=str(target), above=str(above)
                )
            return


@contextmanager
def _locked(target: Path) -> Iterator[None]:
    lock = target.parent / f".{target.name}.lock"
    try:
        handle = lock.open("a+")
    except OSError as error:
        raise OutputError.of(
            "output_no_lock",
            target=str(target),
            lock=str(lock),
            reason=str(error.strerror or error),
        ) from None
    with handle:
        if not _try_lock(handle):
            handle.seek(0)
            holder = handle.read().strip() or "?"
            raise OutputError.of(
                "output_locked", holder=holder, target=str(target)
            )
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        # The lock ends with the process, even a killed one; the file
        # stays, as removing it would let two runs lock two files.
        yield


def _try_lock(handle: IO[str]) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _leftovers(target: Path) -> list[Path]:
    prefix = f".{target.name}."
    return [
        p
        for p in target.parent.iterdir()
        if p.name.startswith(prefix) and p.name.endswith((".tmp", ".old"))
    ]


def _recover(target: Path) -> None:
    """Finish or undo what a killed run left (under the lock, so no run
    is writing): a swap cut between its two renames, temporary folders."""
    for path in _leftovers(target):
        if path.name.endswith(".old") and not target.exists():
            os.rename(path, target)
        else:
            shutil.rmtree(path, ignore_errors=True)


def _check_target(target: Path) -> None:
    if not target.exists():
        return
    if not target.is_dir():
        raise OutputError.of("output_is_file", target=str(target))
    listed = _listed(target)
    foreign = sorted(
        p.name
        for p in target.iterdir()
        if p.name not in listed and not OWN_NAMES.fullmatch(p.name)
    )
    if foreign:
        shown = ", ".join(foreign[:5]) + (", ..." if len(foreign) > 5 else "")
        raise OutputError.of("output_foreign", target=str(target), shown=shown)


def _listed(folder: Path) -> set[str]:
    """The top-level names an earlier run's manifest lists."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text("utf-8"))
        return {name.split("/")[0] for name in manifest["files"]}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return set()


def _finish(tmp: Path) -> None:
    """Write the manifest and make every file durable before the swap."""
    files = {}
    for path in sorted(p for p in tmp.rglob("*") if p.is_file()):
        files[path.relative_to(tmp).as_posix()] = _sha256(path)
        path.chmod(0o666 & ~_UMASK)
    manifest = {
        "tool": "orgplan",
        "run": uuid.uuid4().hex,
        "written": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "files": files,
    }
    (tmp / MANIFEST).write_text(
        json.dumps(manifest, indent=2) + "\n", encoding="utf-8"
    )
    for folder in (tmp, *(p for p in tmp.rglob("*") if p.is_dir())):
        folder.chmod(0o777 & ~_UMASK)
    _sync(tmp)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        # A file is written to disk before it is swapped in.
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
        os.fsync(f.fileno())
    return digest.hexdigest()


def _sync(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _swap(tmp: Path, target: Path) -> None:
    if not target.exists():
        os.rename(tmp, target)
    elif _exchange(tmp, target):
        # tmp now holds the earlier output; the caller removes it.
        pass
    else:
        old = target.with_name(f".{target.name}.{os.getpid()}.old")
        os.rename(target, old)
        os.rename(tmp, target)
        shutil.rmtree(old, ignore_errors=True)
    _sync(target.parent)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one step; ``False`` where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError, TypeError):  # not Linux, old libc
        return False
    renameat2.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    at_cwd, exchange = -100, 2
    done = renameat2(
        at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), exchange
    )
    if done == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


# What ``orgplan export`` rewrites in a run's folder after the run:
# its tables may differ from the manifest's without a mixed run.
_REWRITTEN = re.compile(r"staffing-plan(\.xlsx|\.json|/.*)")


def mismatches(folder: Path) -> list[dict[str, str]]:
    """Where a run's folder no longer holds what its manifest lists, as
    catalogue messages (:func:`orgplan.i18n.message`).

    A listed file missing or with another SHA-256 (the staffing tables,
    which ``export`` rewrites, only when missing). A folder without a
    manifest (a plan.json of its own, or an earlier version's output)
    has nothing to compare: the list is empty.
    """
    try:
        text = (folder / MANIFEST).read_text("utf-8")
    except FileNotFoundError:
        return []
    except OSError as error:
        return [
            {
                "key": "manifest_unreadable",
                "path": str(folder / MANIFEST),
                "reason": str(error.strerror or error),
            }
        ]
    try:
        files = json.loads(text)["files"]
        listed = {str(name): str(digest) for name, digest in files.items()}
    except (ValueError, KeyError, TypeError, AttributeError):
        return [{"key": "manifest_foreign", "path": str(folder / MANIFEST)}]
    found = []
    for name, digest in sorted(listed.items()):
        path = folder / name
        if not path.is_file():
            found.append({"key": "manifest_missing", "path": str(path)})
        elif not _REWRITTEN.fullmatch(name) and _digest(path) != digest:
            found.append({"key": "manifest_changed", "path": str(path)})
    return found


def _digest(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()
