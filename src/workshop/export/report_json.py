"""The follow-through report as JSON, with its schema generated from pydantic models."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from workshop.core.report import CriterionTrend, QuarterRow, Report

REPORT_SCHEMA_VERSION: Literal[1] = 1
"""The version of the report's JSON layout (`schema_version`); raised on any change to it."""


Day = date
"""`date`, under a name the models' `date` fields do not hide."""


class _JsonRecord(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BenchmarkPointJson(_JsonRecord):
    date: Day
    session: str = Field(description="The session's title")
    mean: float = Field(description="Mean score, rounded to 4 decimals")
    count: int = Field(ge=0, description="How many scores")


class CriterionTrendJson(_JsonRecord):
    criterion: str = Field(description="The criterion's id")
    title: str
    target: float | None
    points: list[BenchmarkPointJson]


class SegmentJson(_JsonRecord):
    segment: str
    benchmark: list[CriterionTrendJson]


class QuarterJson(_JsonRecord):
    quarter: str = Field(description="Such as 2026-Q1")
    date: Day = Field(description="The quarter's end, or the report's date for this quarter")
    opened: int = Field(ge=0)
    done: int = Field(ge=0)
    success_index: float | None = Field(description="0-100 at `date`; null if no action counts")


class OwnerJson(_JsonRecord):
    owner: str
    actions: int = Field(ge=0)
    done: int = Field(ge=0)
    success_index: float | None


class SessionRefJson(_JsonRecord):
    date: Day
    title: str
    file: str


class TeamJson(_JsonRecord):
    team: str
    sessions: list[SessionRefJson]
    benchmark: list[CriterionTrendJson]
    segments: list[SegmentJson]
    success_index: float | None
    quarters: list[QuarterJson]
    owners: list[OwnerJson]


class SkippedJson(_JsonRecord):
    file: str
    reason: str


class ReportJson(_JsonRecord):
    """`workshop report --format json`."""

    schema_version: Literal[1] = REPORT_SCHEMA_VERSION
    as_of: Day
    team: str | None = Field(description="The --team asked for; null for all teams")
    sessions_read: int = Field(ge=0)
    skipped: list[SkippedJson]
    success_index: float | None
    quarters: list[QuarterJson]
    teams: list[TeamJson]


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _trend_json(trend: CriterionTrend) -> dict[str, Any]:
    return {
        "criterion": trend.criterion_id,
        "title": trend.title,
        "target": trend.target,
        "points": [
            {
                "date": point.on.isoformat(),
                "session": point.session,
                "mean": _rounded(point.mean),
                "count": point.count,
            }
            for point in trend.points
        ],
    }


def _quarters_json(rows: Sequence[QuarterRow]) -> list[dict[str, Any]]:
    return [
        {
            "quarter": row.quarter,
            "date": row.on.isoformat(),
            "opened": row.opened,
            "done": row.done,
            "success_index": _rounded(row.index),
        }
        for row in rows
    ]


def report_json(report: Report) -> dict[str, Any]:
    """The report as plain JSON-ready data, checked against `ReportJson` (its JSON Schema)."""
    data = {
        "schema_version": REPORT_SCHEMA_VERSION,
        "as_of": report.as_of.isoformat(),
        "team": report.team_filter,
        "sessions_read": report.sessions_read,
        "skipped": [{"file": s.file, "reason": s.reason} for s in report.skipped],
        "success_index": _rounded(report.index),
        "quarters": _quarters_json(report.quarters),
        "teams": [
            {
                "team": team.team,
                "sessions": [
                    {"date": ref.on.isoformat(), "title": ref.title, "file": ref.file}
                    for ref in team.sessions
                ],
                "benchmark": [_trend_json(trend) for trend in team.benchmark],
                "segments": [
                    {
                        "segment": segment.segment,
                        "benchmark": [_trend_json(trend) for trend in segment.criteria],
                    }
                    for segment in team.segments
                ],
                "success_index": _rounded(team.index),
                "quarters": _quarters_json(team.quarters),
                "owners": [
                    {
                        "owner": row.owner,
                        "actions": row.actions,
                        "done": row.done,
                        "success_index": _rounded(row.index),
                    }
                    for row in team.owners
                ],
            }
            for team in report.teams
        ],
    }
    return ReportJson.model_validate(data).model_dump(mode="json")


def report_schema() -> dict[str, Any]:
    """The JSON Schema of `render_json`'s output, generated from `ReportJson`."""
    schema = ReportJson.model_json_schema(mode="serialization")
    schema["required"] = sorted({"schema_version", *schema.get("required", [])})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://workshop.invalid/schema/report.schema.json",
        **schema,
    }


def render_json(report: Report) -> str:
    """The report as indented JSON, with no raw control character (see `export.json_export`)."""
    from workshop.export.json_export import dumps

    return dumps(report_json(report))
