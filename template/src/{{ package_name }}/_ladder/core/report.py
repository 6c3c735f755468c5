"""Fill the results block of the blog draft and the README from reports/.

Only the lines between the two markers below are rewritten; everything else in those
files is yours. Where the draft lies and how it links to the figures depend on the
blog platform: publish.py knows, and copies the figures where the platform needs
them. Each marker must stand on a line of its own, so prose that mentions one
is left alone. The block is built from reports/metrics.json alone, so running `report`
twice gives the same files. The draft's data section has a block of its own, filled
from what the exploration notebook saved (data_block.py).
"""

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .artifacts import read_json, write_text
from .data_block import DataBlock
from .errors import ProjectError
from .kind import current_kind
from .markers import block_pattern, fenced
from .paths import Paths
from .project import Project
from .publish import Blog

START = "<!-- results:start -->"
END = "<!-- results:end -->"
BLOCK = block_pattern(START, END)
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


def training_summary(metrics: dict[str, Any]) -> str:
    """How long the network trained, on what, and which epoch was kept."""
    training = metrics.get("training")
    if not training:
        return ""
    text = f"Trained for {training['epochs']} epochs"
    if "accelerator" in training:
        processes = training["world_size"]
        text += (
            f" on {training['accelerator']}, {processes} process"
            f"{'es' if processes > 1 else ''} ({training['strategy']} strategy, "
            f"{training['precision']} precision)"
        )
    text += (
        ". The test scores come from the best checkpoint: epoch "
        f"{training['best_epoch']} (counting from 0)"
    )
    if "best_value" in training:
        text += f", {training['monitor']} {training['best_value']:.4f}"
    return text + "."


def per_class_table(metrics: dict[str, Any]) -> str:
    """Precision, recall and F1 of each class, when metrics hold them."""
    if not metrics.get("per_class"):
        return ""
    rows = [
        "| class | precision | recall | F1 | support |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, values in metrics["per_class"].items():
        rows.append(
            f"| {name} | {values['precision']:.3f} | {values['recall']:.3f} "
            f"| {values['f1']:.3f} | {values['support']} |"
        )
    return "\n".join(rows)


def table_cell(text: str, width: int = 160) -> str:
    """`text` on one line, cut to `width` characters, safe inside a Markdown table."""
    text = " ".join(str(text).split())
    if len(text) > width:
        text = text[: width - 1] + "…"
    return re.sub(r"([\\`*_|<>\[\]])", r"\\\1", text)


def misclassified_table(metrics: dict[str, Any]) -> str:
    """Test rows the model got wrong, when metrics hold some (the text kind's)."""
    examples = metrics.get("misclassified")
    if not examples:
        return ""
    rows = [
        "Test examples the model got wrong:",
        "",
        "| text | label | predicted |",
        "| --- | --- | --- |",
    ]
    for example in examples:
        cells = (example["text"], example["label"], example["prediction"])
        rows.append("| " + " | ".join(table_cell(cell) for cell in cells) + " |")
    return "\n".join(rows)


def figure_links(
    metrics: dict[str, Any], reports: Path, document: Path, blog: Blog
) -> str:
    """Markdown images, each linked the way the document's platform finds it."""
    links = []
    for figure in metrics.get("figures", []):
        link = blog.figure_link(reports / figure, document)
        title = Path(figure).stem.replace("_", " ").capitalize()
        links.append(f"![{title}]({link})")
    return "\n\n".join(links)


def results_block(
    metrics: dict[str, Any],
    reports: Path,
    document: Path,
    blog: Blog,
    extra_sections: Sequence[str] = (),
) -> str:
    sections = [
        metrics_table(metrics),
        model_summary(metrics),
        training_summary(metrics),
        per_class_table(metrics),
        misclassified_table(metrics),
        *extra_sections,
        figure_links(metrics, reports, document, blog),
    ]
    body = "\n\n".join(section for section in sections if section)
    return fenced(START, body, END)


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


def with_results(
    document: Path,
    metrics: dict[str, Any],
    reports: Path,
    blog: Blog,
    extra_sections: Sequence[str] = (),
) -> str:
    """`document`'s text with its results block rewritten; it must have exactly one.

    `extra_sections` (Markdown) go between the model summary and the figures.
    """
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
    block = results_block(metrics, reports, document, blog, extra_sections)
    return BLOCK.sub(lambda _: block, text)


def fill_results(
    documents: Sequence[Path],
    metrics: dict[str, Any],
    reports: Path,
    blog: Blog,
    extra_sections: Sequence[str] = (),
) -> None:
    """Rewrite the results block of each document, or of none if one is refused.

    Figure paths in `metrics` are relative to `reports`; `blog` links the draft's
    figures the way its platform finds them, and copies them where it needs them.
    The draft's data block, when it has one, gets the facts and figures that
    notebooks/01-explore.py saved (data_block.py).
    """
    texts = [
        with_results(document, metrics, reports, blog, extra_sections)
        for document in documents
    ]
    data = DataBlock.read(Paths(blog.root), blog)
    texts = [
        data.fill(text, document) if data and document == blog.draft else text
        for document, text in zip(documents, texts, strict=True)
    ]
    figures = [reports / figure for figure in metrics.get("figures", [])]
    blog.copy_figures(figures + (data.figures if data else []))
    for document, text in zip(documents, texts, strict=True):
        write_text(document, text)


def draft_path(paths: Paths, project: Project) -> Path:
    """The blog draft `report` fills, where its platform keeps it."""
    return Blog(paths.root, project).draft


def documents_to_fill(paths: Paths, project: Project) -> list[Path]:
    """The draft, the README, and the model card when the project has one."""
    documents = [draft_path(paths, project), paths.readme]
    if paths.model_card.is_file():
        documents.append(paths.model_card)
    return documents


def report(paths: Paths, project: Project) -> list[Path]:
    """Fill the blog draft, the README and any model card; returns the files written."""
    metrics = read_metrics(paths.metrics)
    documents = documents_to_fill(paths, project)
    # A kind may show more than the scores and figures, e.g. what each cluster holds.
    show = current_kind().report_sections
    sections = show(metrics) if show else ()
    fill_results(documents, metrics, paths.reports, Blog(paths.root, project), sections)
    return documents
