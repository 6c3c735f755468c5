"""`ml100 portfolio`: PORTFOLIO.md at the workspace's root, the table of every project
with links to each project and its post, and the progress figure beside it. Nothing in
it depends on the day it is written, so rerunning it with nothing changed changes
nothing."""

import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from .figure import progress_png, write_if_changed
from .overview import Problem, Row, survey
from .table import markdown_cell, markdown_table
from .workspace import Workspace

PORTFOLIO = "PORTFOLIO.md"
FIGURE = "portfolio/progress.png"
HEADERS = ["#", "project", "tier", "kind", "dataset", "result", "lift", "post"]
HEADERS += ["template"]
# PORTFOLIO.md says what writes it, so that it is written again rather than edited;
# the site's home page, the learner's own, does not.
WRITTEN_BY = "Written by `ml100 portfolio`."


def link(text: str, address: str | None) -> str:
    cell = markdown_cell(text)
    if address is None:
        return cell
    label = cell.replace("[", "\\[").replace("]", "\\]")
    return f"[{label}](<{address}>)"


def portfolio_markdown(
    rows: list[Row],
    problems: list[Problem],
    project_link: Callable[[Row], str | None],
    post_link: Callable[[Row], str | None],
    figure: str,
    written_by: str = "",
) -> str:
    cells = []
    for row in rows:
        project, result = row.project, row.result
        cells.append(
            [
                f"{project.number:03d}",
                link(project.title, project_link(row)),
                project.tier,
                project.kind,
                markdown_cell(project.dataset),
                markdown_cell(row.result_text),
                f"{result.lift:+.3f}" if result else "",
                link(row.post_text, post_link(row)),
                markdown_cell(row.release_text),
            ]
        )
    trained = sum(row.result is not None for row in rows)
    published = sum(bool(row.post) and row.post.status == "published" for row in rows)
    summary = f"{len(rows)} projects, {trained} trained, {published} published."
    parts = [
        "# #100MLProjects portfolio",
        "",
        f"{summary} {written_by}".rstrip(),
        "",
        markdown_table(HEADERS, cells),
        "",
        "![Projects finished over time, and how far each one went from its baseline "
        f"towards a perfect score]({figure})",
        "",
    ]
    if problems:
        parts += ["## Projects that could not be read", ""]
        parts += [f"- {markdown_cell(str(problem))}" for problem in problems]
        parts.append("")
    return "\n".join(parts)


def relative_address(path: Path, root: Path) -> str:
    return quote(path.relative_to(root).as_posix())


def run(workspace: Workspace) -> int:
    rows, problems = survey(workspace)
    root = workspace.root
    text = portfolio_markdown(
        rows,
        problems,
        project_link=lambda row: relative_address(row.project.folder, root) + "/",
        post_link=lambda row: (
            relative_address(row.post.path, root) if row.post else None
        ),
        figure=FIGURE,
        written_by=WRITTEN_BY,
    )
    wrote = [
        name
        for name, written in (
            (PORTFOLIO, write_if_changed(root / PORTFOLIO, text.encode("utf-8"))),
            (FIGURE, write_if_changed(root / FIGURE, progress_png(rows))),
        )
        if written
    ]
    print(f"wrote {', '.join(wrote)}" if wrote else f"{PORTFOLIO} is up to date")
    for problem in problems:
        print(f"cannot read {problem}", file=sys.stderr)
    return 1 if problems else 0
