"""Fill the results block of the blog draft and the README from reports/.

Only the lines between the two markers below are rewritten; everything else in those
files is yours. The block is built from reports/metrics.json alone, so running `report`
twice gives the same files.
"""

import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .artifacts import read_json, write_text
from .config import Paths
from .errors import ProjectError

START = "<!-- results:start -->"
END = "<!-- results:end -->"
BLOCK = re.compile(re.escape(START) + r".*?" + re.escape(END), flags=re.DOTALL)


def metrics_table(metrics: dict[str, Any]) -> str:
    """Test metrics of the model next to the baseline's, the deciding one in bold."""
    rows = ["| metric | model | baseline |", "| --- | ---: | ---: |"]
    for name, value in metrics["model"].items():
        label = f"**{name}**" if name == metrics["primary_metric"] else name
        rows.append(f"| {label} | {value:.3f} | {metrics['baseline'][name]:.3f} |")
    return "\n".join(rows)


def model_summary(metrics: dict[str, Any]) -> str:
    params = ", ".join(
        f"`{name}={value!r}`" for name, value in metrics["params"].items()
    )
    return (
        f"Model: `{metrics['estimator']}` ({params}), trained on "
        f"{metrics['n_train']} rows and tested on {metrics['n_test']} held-out rows "
        f"of `{metrics['dataset']}`."
    )


def figure_links(metrics: dict[str, Any], reports: Path, document: Path) -> str:
    """Markdown images, with paths relative to the document that shows them."""
    links = []
    for figure in metrics.get("figures", []):
        relative = Path(
            os.path.relpath(reports / figure, start=document.parent)
        ).as_posix()
        title = Path(figure).stem.replace("_", " ").capitalize()
        links.append(f"![{title}]({relative})")
    return "\n\n".join(links)


def results_block(
    metrics: dict[str, Any],
    reports: Path,
    document: Path,
    extra_sections: Sequence[str] = (),
) -> str:
    sections = [
        metrics_table(metrics),
        model_summary(metrics),
        *extra_sections,
        figure_links(metrics, reports, document),
    ]
    body = "\n\n".join(section for section in sections if section)
    return f"{START}\n{body}\n{END}"


def fill_results(
    document: Path,
    metrics: dict[str, Any],
    reports: Path,
    extra_sections: Sequence[str] = (),
) -> None:
    """Rewrite the results block of `document`; refuse a document without one.

    `extra_sections` (Markdown) go between the model summary and the figures.
    """
    if not document.is_file():
        raise ProjectError(f"{document} not found: `report` fills its results block")
    text = document.read_text(encoding="utf-8")
    if not BLOCK.search(text):
        raise ProjectError(
            f"{document} has no results block: put {START} and {END} on their own "
            "lines where the results should go"
        )
    block = results_block(metrics, reports, document, extra_sections)
    write_text(document, BLOCK.sub(lambda _: block, text, count=1))


def report(paths: Paths) -> list[Path]:
    """Fill the blog draft and the README; returns the files written."""
    metrics = read_json(paths.metrics)
    documents = [paths.blog_post, paths.readme]
    for document in documents:
        fill_results(document, metrics, paths.reports)
    return documents
