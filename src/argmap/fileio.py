"""Reading map files safely and writing output files atomically."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from argmap.errors import ArgmapFileError


def read_text(path: str | os.PathLike[str]) -> str:
    """Read a UTF-8 text file, dropping a byte-order mark.

    Raises:
        ArgmapFileError: the file is missing, not a regular file (a directory, a
            FIFO, a device), unreadable or not UTF-8.
    """
    name = os.fspath(path)
    try:
        data = _read_regular(name)
    except ArgmapFileError:
        raise
    except FileNotFoundError:
        raise ArgmapFileError(name, "no such file") from None
    except IsADirectoryError:
        raise ArgmapFileError(name, "is a directory, not a file") from None
    except ValueError:  # a NUL character in the name
        raise ArgmapFileError(name, "the name contains a NUL character") from None
    except OSError as exc:
        raise ArgmapFileError(name, exc.strerror or "cannot be read") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ArgmapFileError(
            name, f"not UTF-8 text (byte 0x{data[exc.start]:02x} on line {line}); save the file as UTF-8"
        ) from None
    return text[1:] if text.startswith("\ufeff") else text


def _read_regular(name: str) -> bytes:
    """The bytes of a regular file; anything else (a FIFO, a device, a socket) is refused unread.

    The file is opened without blocking, so that a FIFO with no writer cannot
    hang the reader, and checked on the open descriptor, so that what is read
    is what was checked.
    """
    fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory")
        if not stat.S_ISREG(mode):
            raise ArgmapFileError(name, "not a regular file (only regular files are read)")
        return handle.read()


class UnsafeTargetError(OSError):
    """An output name that must not be written: a link out of its folder, or not a regular file."""

    def __init__(self, reason: str) -> None:
        super().__init__(errno.EPERM, reason)


def write_target(path: str | os.PathLike[str]) -> Path:
    """The file that writing ``path`` may replace: the rule every writer of argmap follows.

    A name is written in its own folder (the folder it names, e.g. ``docs/`` for
    ``docs/m.svg``). A symbolic link is followed only to a file in that folder or
    below it, so a link (even a dangling one) cannot make argmap write anywhere
    else; and only a regular file is replaced, never a directory, a device, a
    FIFO or a socket.

    Raises:
        UnsafeTargetError: ``path`` breaks the rule; nothing may be written.
    """
    name = Path(os.fspath(path))
    folder = Path(os.path.realpath(name.parent))
    target = Path(os.path.realpath(name))
    if not target.is_relative_to(folder):
        raise _outside(target, folder)
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return target
    except NotADirectoryError:
        raise UnsafeTargetError("a part of the name is not a folder") from None
    if stat.S_ISDIR(mode):
        raise UnsafeTargetError("is a directory, not a file")
    if not stat.S_ISREG(mode):
        raise UnsafeTargetError("not a regular file (only regular files are replaced)")
    return target


def _outside(target: Path, folder: Path) -> UnsafeTargetError:
    link = "a dangling symbolic link" if not target.exists() else "a symbolic link"
    return UnsafeTargetError(f"{link} to {target}, outside {folder} (links are followed only within their folder)")


def write_atomic(path: str | os.PathLike[str], data: bytes | str) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    Readers see the old file or the new one, never a half-written one, and a
    failure leaves the old file untouched. When ``path`` is a symbolic link to a
    file in the same folder, that file is replaced and the link is kept; what
    may be written at all is decided by :func:`write_target`.

    Raises:
        UnsafeTargetError: ``path`` is a link out of its folder or not a regular file.
        OSError: the file cannot be written.
    """
    import tempfile  # only writers need it; reading maps should start fast

    target = write_target(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
