"""The hub's numbers: what `status`, `portfolio` and `site` count and draw.

A plain Markdown post counts as published once the learner says so; the progress
figure ticks days, not minutes, and puts every metric on one scale; the site's home
page is the learner's, without the hub's signature. The hub runs in a process of its
own, as the `ml100` command does, with matplotlib's file-only backend.
"""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

from harness import REPO_ROOT, VARIANTS

HUB_ENV = {**os.environ, "PYTHONPATH": str(REPO_ROOT / "src"), "MPLBACKEND": "Agg"}

# Rows as the hub reads them, for `results`: (number, metric, model, baseline, when).
ROWS = """
from datetime import datetime
from pathlib import Path

from ml100.overview import Row
from ml100.project import Project, Result
from ml100.releases import Recorded


def row(number, metric, model, baseline, when=None):
    answers = {
        "project_number": number,
        "project_title": f"Project {number}",
        "project_slug": f"{number:03d}-project",
        "tier": "beginner",
    }
    project = Project(Path(f"/workspace/{number:03d}-project"), answers)
    result = Result(metric, model, baseline, when and datetime.fromisoformat(when))
    recorded = Recorded.parse("0.1.0")
    return Row(project, result, None, recorded, newer=None, uncommitted=None)
"""


def in_hub(code: str, cwd: Path | None = None) -> Any:
    """Run `code` with the hub importable; what it prints, read as JSON."""
    result = subprocess.run(
        [sys.executable, "-c", ROWS + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env=HUB_ENV,
        cwd=cwd,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


def test_a_plain_markdown_post_is_published_when_its_comment_says_so(
    rendered, copy_of, tmp_path
) -> None:
    shared = rendered("beginner-iris", **VARIANTS["beginner-iris"])
    project = copy_of(shared, tmp_path / "001-iris-classification")
    status = [sys.executable, "-m", "ml100", "status"]

    def shown() -> str:
        result = subprocess.run(
            status, cwd=tmp_path, env=HUB_ENV, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    assert "draft" in shown()
    draft = project.path / "blog" / "001-iris-classification.md"
    text = draft.read_text(encoding="utf-8")
    assert text.startswith("# #001: Iris classification\n<!-- draft: true ")
    draft.write_text(text.replace("<!-- draft: true", "<!-- draft: false", 1), "utf-8")
    assert "published" in shown()


def test_projects_of_one_day_are_ticked_by_day() -> None:
    # Four projects trained within the hour, as a learner's first morning goes.
    ticks = in_hub("""
        import json
        from matplotlib.dates import date2num
        from ml100.figure import progress_figure

        rows = [
            row(n, "accuracy", 0.9, 0.5, f"2026-12-07T05:{35 + 5 * n}")
            for n in (1, 2, 3, 4)
        ]
        figure = progress_figure(rows)
        figure.draw_without_rendering()
        ticks = [float(tick) for tick in figure.axes[0].get_xticks()]
        print(json.dumps({"ticks": ticks, "day": date2num(datetime(2026, 12, 7))}))
    """)
    assert len(ticks["ticks"]) >= 2
    assert all(tick.is_integer() for tick in ticks["ticks"]), ticks  # midnights only
    assert ticks["day"] in ticks["ticks"]


def test_every_metric_is_drawn_on_one_scale() -> None:
    heights = in_hub("""
        import json
        from ml100.figure import progress_figure

        rows = [
            row(1, "accuracy", 0.9, 0.5),  # 0.4 of a 0.5 gap
            row(2, "adjusted_rand", 0.6, 0.0),  # 0.6 of a 1.0 gap
            row(3, "mase", 0.5, 1.0),  # an error: 0.5 of a 1.0 gap
            row(4, "r2", 0.2, 0.5),  # worse than the baseline
        ]
        bars = progress_figure(rows).axes[1].patches
        print(json.dumps([bar.get_height() for bar in bars]))
    """)
    assert [round(height, 6) for height in heights] == [0.8, 0.6, 0.5, -0.6]


def test_the_site_home_page_is_the_learners_and_the_portfolio_says_who_wrote_it(
    tmp_path,
) -> None:
    home, portfolio = in_hub(
        """
        import json
        from ml100.portfolio import portfolio_markdown, WRITTEN_BY
        from ml100.site import write_source

        rows = [row(1, "accuracy", 0.9, 0.5)]
        write_source(Path("."), rows, [], [])
        home = Path("content/_index.md").read_text(encoding="utf-8")
        none = lambda row: None
        portfolio = portfolio_markdown(rows, [], none, none, "progress.png", WRITTEN_BY)
        print(json.dumps([home, portfolio]))
        """,
        cwd=tmp_path,
    )
    assert "1 projects, 1 trained, 0 published.\n" in home
    assert "ml100" not in home
    assert "0 published. Written by `ml100 portfolio`.\n" in portfolio
