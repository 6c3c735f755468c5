"""`ml100 status`: a table of every project, and one line per unreadable one."""

import sys

from .overview import Row, survey
from .table import text_table
from .workspace import Workspace

HEADERS = ["#", "project", "tier", "kind", "dataset", "result", "post", "template"]
HEADERS += ["changes"]


def status_cells(row: Row) -> list[str]:
    project = row.project
    return [
        f"{project.number:03d}",
        f"{project.name} ({project.title})"
        if project.name != project.slug
        else project.title,
        project.tier,
        project.kind,
        project.dataset,
        row.result_text,
        row.post_text,
        row.release_text,
        row.changes_text,
    ]


def run(workspace: Workspace) -> int:
    rows, problems = survey(workspace)
    if rows:
        print(text_table(HEADERS, [status_cells(row) for row in rows]))
    for problem in problems:
        print(f"cannot read {problem}", file=sys.stderr)
    return 1 if problems else 0
