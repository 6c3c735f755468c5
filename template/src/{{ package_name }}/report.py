"""Fill the results block of the blog draft and the README from reports/.

Only the lines between the two markers below are rewritten; everything else in those
files is yours. Each marker must stand on a line of its own, so prose that mentions one
is left alone. The block is built from reports/metrics.json alone, so running `report`
twice gives the same files.
"""

import os
import re
from pathlib import Path
from typing import Any

from .artifacts import read_json, write_text
from .config import Paths
from .errors import ProjectError

START = "<!-- results:start -->"
END = "<!-- results:end -->"
BLOCK = re.compile(
    rf"^{re.escape(START)}[ \t]*$.*?^{re.escape(END)}[ \t]*$",
    flags=re.DOTALL | re.MULTILINE,
)
# What `report` reads from reports/metrics.json.
METRICS_KEYS = (
    "primary_metric",
    "model",
    "baseline",
    "estimator",
    "params",
    "n_train",
    "n_test",
    "dataset",
)


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


def results_block(metrics: dict[str, Any], reports: Path, document: Path) -> str:
    sections = [
        metrics_table(metrics),
        model_summary(metrics),
        figure_links(metrics, reports, document),
    ]
    body = "\n\n".join(section for section in sections if section)
    return f"{START}\n{body}\n{END}"


def read_metrics(path: Path) -> dict[str, Any]:
    """reports/metrics.json as `train` wrote it; refuses a file that lacks a part."""
    metrics = read_json(path)
    if not isinstance(metrics, dict):
        metrics = {}
    missing = [key for key in METRICS_KEYS if key not in metrics]
    if missing:
        raise ProjectError(
            f"{path} is not the metrics file `train` writes (it lacks "
            f"{', '.join(missing)}): run `train` again"
        )
    return metrics


def with_results(document: Path, metrics: dict[str, Any], reports: Path) -> str:
    """`document`'s text with its results block rewritten; it must have exactly one."""
    if not document.is_file():
        raise ProjectError(f"{document} not found: `report` fills its results block")
    try:
        text = document.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ProjectError(f"{document} is not UTF-8 text: save it as UTF-8") from None
    blocks = len(BLOCK.findall(text))
    if blocks != 1:
        found = "no results block" if blocks == 0 else f"{blocks} results blocks"
        raise ProjectError(
            f"{document} has {found}: put one {START} line and one {END} line "
            "where the results should go"
        )
    block = results_block(metrics, reports, document)
    return BLOCK.sub(lambda _: block, text)


def report(paths: Paths) -> list[Path]:
    """Fill the blog draft and the README; returns the files written."""
    metrics = read_metrics(paths.metrics)
    documents = [paths.blog_post, paths.readme]
    # Check every document before writing any: a refused report changes nothing.
    texts = [with_results(document, metrics, paths.reports) for document in documents]
    for document, text in zip(documents, texts, strict=True):
        write_text(document, text)
    return documents
