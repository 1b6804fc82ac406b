"""The shape of the code: no module under src/ over 400 lines, no function over 60.

Small files and short functions are the house rule (issue #11); this test keeps them so.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"
MAX_FILE_LINES = 400
MAX_FUNCTION_LINES = 60

# Files still being split, exempt from both limits until they fit (none today). Empty this
# list as they do; test_the_allow_list_only_names_files_that_still_break_a_limit
# fails as soon as an entry is no longer needed.
NOT_YET_SPLIT: frozenset[str] = frozenset()


def shape_problems(source: str, name: str) -> list[str]:
    """What in one module breaks a limit, one line each: `name: N lines` for the module,
    `name:LINE function: N lines` for a function or method (nested ones included)."""
    problems = []
    line_count = len(source.splitlines())
    if line_count > MAX_FILE_LINES:
        problems.append(f"{name}: {line_count} lines (limit {MAX_FILE_LINES})")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > MAX_FUNCTION_LINES:
                problems.append(
                    f"{name}:{node.lineno} {node.name}: {length} lines (limit {MAX_FUNCTION_LINES})"
                )
    return problems


def modules() -> list[tuple[str, str]]:
    """Every Python module under src/, as (path relative to src/, source)."""
    return [
        (path.relative_to(SRC).as_posix(), path.read_text(encoding="utf-8"))
        for path in sorted(SRC.rglob("*.py"))
    ]


def test_no_module_over_400_lines_and_no_function_over_60() -> None:
    problems = [
        problem
        for name, source in modules()
        if name not in NOT_YET_SPLIT
        for problem in shape_problems(source, name)
    ]
    assert problems == []


def test_the_allow_list_only_names_files_that_still_break_a_limit() -> None:
    sources = dict(modules())
    needless = [
        name
        for name in sorted(NOT_YET_SPLIT)
        if name not in sources or not shape_problems(sources[name], name)
    ]
    assert needless == [], "remove these from NOT_YET_SPLIT"


def test_the_check_sees_a_long_module_and_long_functions_at_any_depth() -> None:
    body = "    x = 1\n" * 59  # with its `def` line: 60 lines, the most allowed
    method_body = "        x = 1\n" * 60  # with its `def` line: 61
    source = (
        f"def fits():\n{body}"
        f"def too_long():\n{body}    x = 2\n"
        f"class Panel:\n    async def method(self):\n{method_body}"
    )
    problems = shape_problems(source, "m.py")
    assert [problem.split(":")[1] for problem in problems] == [
        "61 too_long",
        "123 method",
    ]
    assert shape_problems("x = 1\n" * 401, "big.py") == ["big.py: 401 lines (limit 400)"]
    assert shape_problems("x = 1\n" * 400, "fits.py") == []
