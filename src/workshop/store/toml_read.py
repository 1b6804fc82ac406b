"""Reading TOML files into models, with one-line errors that name the file and the place.

Nothing here imports pydantic until a model is checked: the screen reads a session file, and
paints what it holds, before the models are needed.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import tomli

from workshop.core.errors import InvalidFileError, WorkshopError

if TYPE_CHECKING:
    from pydantic import BaseModel

ModelT = TypeVar("ModelT", bound="BaseModel")

FileSignature = tuple[int, int, int]
"""A file's identity and version: inode, modification time (ns), size."""

_TOML_POSITION = re.compile(
    r"^(?P<message>.*?)\s*\(at line (?P<line>\d+), column (?P<column>\d+)\)$"
)
_TOML_END = re.compile(r"^(?P<message>.*?)\s*\(at end of document\)$")


def one_line(text: str) -> str:
    return " ".join(text.split())


def read_toml_text(path: Path, text: str) -> dict[str, Any]:
    """Parse TOML text with tomli (the compiled upstream of tomllib: 3-4x faster, same results)."""
    try:
        return tomli.loads(text)
    except RecursionError:  # tomli's own limit on nesting (400 levels), or the stack's
        raise InvalidFileError(
            f"{path}: invalid TOML: arrays or inline tables nested too deeply"
        ) from None
    except tomli.TOMLDecodeError as error:
        raw = str(error)
        positioned = _TOML_POSITION.match(raw)
        if positioned:
            place = f"{positioned['line']}:{positioned['column']}"
            raise InvalidFileError(
                f"{path}:{place}: invalid TOML: {positioned['message']}"
            ) from None
        ended = _TOML_END.match(raw)
        if ended:
            lines = text.count("\n") + 1
            raise InvalidFileError(
                f"{path}:{lines}: invalid TOML: {ended['message']} at end of file"
            ) from None
        raise InvalidFileError(f"{path}: invalid TOML: {one_line(raw)}") from None


def not_regular_reason(mode: int) -> str:
    """Why a file of this `st_mode` is not read as a session or agenda ("" if it is regular)."""
    if stat.S_ISREG(mode):
        return ""
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO), not a regular file"
    return "is not a regular file"


def read_text(path: Path) -> str:
    """A file's UTF-8 text, or a one-line error naming it.

    Only a regular file is read: a named pipe or a device would block the reader, or never end.
    It is checked before opening, and again on what was opened (in case it was swapped).
    """
    try:
        reason = not_regular_reason(os.stat(path).st_mode)
        if reason:
            raise InvalidFileError(f"{path}: {reason}")
        # O_NONBLOCK: if a pipe took the file's place since, opening it must not wait.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            reason = not_regular_reason(os.fstat(descriptor).st_mode)
            if reason:
                raise InvalidFileError(f"{path}: {reason}")
            with os.fdopen(descriptor, "rb", closefd=False) as opened:
                raw = opened.read()
        finally:
            os.close(descriptor)
    except FileNotFoundError:
        raise InvalidFileError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InvalidFileError(f"{path}: is a folder, not a file") from None
    except OSError as error:
        raise WorkshopError(f"{path}: cannot read: {error.strerror}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise InvalidFileError(f"{path}:{line}: not UTF-8 text") from None
    return text


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file's parsed contents, or a one-line error naming the file and the place."""
    return read_toml_text(path, read_text(path))


def file_signature(file_stat: os.stat_result) -> FileSignature:
    return (file_stat.st_ino, file_stat.st_mtime_ns, file_stat.st_size)


@dataclass(frozen=True)
class TomlFile:
    """A file's text and parsed TOML, not yet checked against any model."""

    path: Path
    signature: FileSignature
    """The file's identity, taken before it was read (see `read_toml_file`)."""
    mode: int
    text: str

    @property
    def parsed(self) -> bool:
        """Whether `data` has been parsed already (and parsing it again costs nothing)."""
        return "data" in self.__dict__  # where cached_property keeps it

    @cached_property
    def data(self) -> dict[str, Any]:
        """The parsed TOML (InvalidFileError, naming the file and the place, if it is not)."""
        return read_toml_text(self.path, self.text)


def read_toml_file(path: Path, *, parse_now: bool = True) -> TomlFile:
    """Read and parse a TOML file, or raise a one-line error naming the file and the place.

    The file's identity is taken before reading it: if another writer replaces it in between,
    whoever holds this sees a different file next time and reloads, rather than saving over
    that writer's change from the older text. `parse_now=False` leaves the parsing (and its
    errors) to the first use of `data`: the screen paints a session's first frame from the
    file's head first (see store/glance.py).
    """
    try:
        file_stat = os.stat(path)
    except OSError:
        read_text(path)  # raises the one-line "no such file" or "cannot read"
        raise
    read = TomlFile(
        path=path,
        signature=file_signature(file_stat),
        mode=stat.S_IMODE(file_stat.st_mode),
        text=read_text(path),
    )
    if parse_now:
        read.data  # noqa: B018 - parsed here, so that its errors are raised here
    return read


def key_path(location: tuple[int | str, ...]) -> str:
    """('ideas', 3, 'created') -> 'ideas[3].created'."""
    path = ""
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path or "(top level)"


def _parse_key_path(text: str) -> tuple[int | str, ...]:
    """'votes[2].target' -> ('votes', 2, 'target'): the inverse of `key_path`."""
    parts: list[int | str] = []
    for name, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", text):
        parts.append(int(index) if index else name)
    return tuple(parts)


def validate(model: type[ModelT], data: dict[str, Any], path: Path) -> ModelT:
    """The model for `data`, or an InvalidFileError naming the key path of the first problem."""
    from pydantic import ValidationError

    try:
        return model.model_validate(data)
    except RecursionError:
        raise InvalidFileError(f"{path}: values nested too deeply") from None
    except ValidationError as error:
        problems = error.errors(include_url=False)
        first = problems[0]
        # Union members repeat the location with a type tag; drop those tags.
        location = tuple(
            part for part in first["loc"] if isinstance(part, int) or "[" not in str(part)
        )
        message = one_line(first["msg"])
        broken = first.get("ctx", {}).get("error")
        key_path_of_rule = getattr(broken, "key_path", None)
        if first["type"] == "value_error" and isinstance(key_path_of_rule, str):
            # A rule across records (session_checks.BrokenRuleError) says where itself.
            location = (*location, *_parse_key_path(key_path_of_rule))
            message = one_line(str(getattr(broken, "problem", message)))
        elif first["type"] == "missing":
            message = "required key is missing"
        elif first["type"] == "extra_forbidden":
            message = "unknown key"
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise InvalidFileError(f"{path}: {key_path(location)}: {message}{more}") from None
