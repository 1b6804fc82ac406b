"""Records with ids in a session's lists: the next id, finding, removing and putting back."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

from workshop.core.errors import RuleError
from workshop.core.models import Session
from workshop.core.session_checks import highest_id_number, id_number


class HasId(Protocol):
    @property
    def id(self) -> str: ...


RecordT = TypeVar("RecordT", bound=HasId)


def next_id(records: Sequence[HasId], prefix: str, counters: dict[str, int] | None = None) -> str:
    """The next id of the form prefix + number (i1, i2, ...), one past the highest ever given.

    `counters` (a session's `id_counters`) remembers the highest number given, so the id of
    a deleted record is not given again; it is updated here. A loaded session's counters
    cover every id in it (`Session` checks that), and records are added at the end, so the
    counter alone gives the next id: no scan of every id on each new idea. Only when the last
    record is past the counter (a list built in code, not through here) are all ids scanned.
    """
    highest = counters.get(prefix, 0) if counters is not None else 0
    last = id_number(records[-1].id, prefix) if records else None
    if counters is None or (last is not None and last > highest):
        highest = max(highest, highest_id_number([record.id for record in records], prefix))
    if counters is not None:
        counters[prefix] = highest + 1
    return f"{prefix}{highest + 1}"


def find(records: Sequence[RecordT], record_id: str, what: str) -> tuple[int, RecordT]:
    """Where the record with `record_id` is, and the record; RuleError naming `what` if none."""
    for index, record in enumerate(records):
        if record.id == record_id:
            return index, record
    raise RuleError(f"no {what} with id {record_id!r}")


def remove_record(records: list[RecordT], record_id: str, what: str) -> tuple[int, RecordT]:
    """Take a record out of its list; returns where it was, for `put_back_record` (undo)."""
    index, record = find(records, record_id, what)
    del records[index]
    return index, record


def put_back_record(
    session: Session, records: list[RecordT], index: int, record: RecordT, prefix: str
) -> None:
    """Insert a removed record where it was; its id is kept unless another record took it."""
    if any(existing.id == record.id for existing in records):
        new_id = next_id(records, prefix, session.id_counters)
        record = record.model_copy(update={"id": new_id})  # type: ignore[attr-defined]
    records.insert(min(index, len(records)), record)
