"""Fill the results block of the blog draft, the README and any model card from
reports/metrics.json, and the draft's data block from reports/data.json (what the
exploration notebook saved; until it has run, the block keeps what it holds).

Only the lines between a block's markers are rewritten; the rest of those files is
yours, and running `report` twice gives the same files. publish.py links and copies
the figures the way the blog platform needs.
"""

import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .artifacts import read_json, write_text
from .caveats import caveats
from .errors import ProjectError
from .kind import current_kind
from .paths import Paths
from .project import Project
from .publish import Blog

START = "<!-- results:start -->"
END = "<!-- results:end -->"
DATA_START = "<!-- data:start -->"
DATA_END = "<!-- data:end -->"
# What `report` reads from reports/metrics.json, and from reports/data.json.
METRICS_KEYS = (
    *("primary_metric", "model", "baseline", "estimator", "params", "n_train"),
    *("n_test", "dataset"),
)
FACTS_KEYS = ("rows", "features", "missing", "duplicate_rows", "target", "figures")
# The data block's figures, by name; a kind adds its own (its KIND's `captions`), and
# another name shows as its own.
CAPTIONS = {
    "data_target": "The target",
    "data_labels": "The hidden labels, which only score the clusters",
    "data_features": "The features that tell the target apart most",
    "data_correlations": "Correlations between the features",
}
# Without a target (a clustering project's data without labels), nothing tells the
# features apart: they are shown as they are.
UNLABELLED_CAPTIONS = {
    "data_features": "The features",
    "data_pairs": "Pairs of features",
}
# Classes listed by name in the data table; the rest are counted.
MAX_CLASSES_LISTED = 10


def block_pattern(start: str, end: str) -> re.Pattern[str]:
    """A block from a line holding only `start` to the next line holding only `end`."""
    return re.compile(
        rf"^{re.escape(start)}[ \t]*$.*?^{re.escape(end)}[ \t]*$",
        flags=re.DOTALL | re.MULTILINE,
    )


BLOCK = block_pattern(START, END)
DATA_BLOCK = block_pattern(DATA_START, DATA_END)


def fenced(start: str, body: str, end: str) -> str:
    # Empty lines around the body: kramdown (Jekyll) reads a table that follows an
    # HTML comment line as plain text.
    return f"{start}\n\n{body}\n\n{end}"


def table(header: str, rule: str, rows: Iterable[Sequence[Any]]) -> str:
    lines = [header, rule]
    lines += ["| " + " | ".join(str(value) for value in row) + " |" for row in rows]
    return "\n".join(lines)


def sentence(text: str) -> str:
    """A line `train` prints (lower case, no full stop) as a sentence of the draft."""
    return f"{text[0].upper()}{text[1:]}."


def warnings(metrics: dict[str, Any], examples: str) -> str:
    """What `train` warned of, first: a reader sees it before the numbers."""
    lines = caveats(metrics, examples)
    return "\n".join(f"> **Warning:** {sentence(line)}" for line in lines)


def metrics_table(metrics: dict[str, Any]) -> str:
    """Test metrics of the model next to the baseline's, the deciding one in bold."""
    rows = [
        (
            f"**{name}**" if name == metrics["primary_metric"] else name,
            f"{value:.3f}",
            f"{metrics['baseline'][name]:.3f}",
        )
        for name, value in metrics["model"].items()
    ]
    return table("| metric | model | baseline |", "| --- | ---: | ---: |", rows)


def model_summary(metrics: dict[str, Any], examples: str = "rows") -> str:
    """Which model, with which settings, on how many `examples` (rows, texts, ...)."""
    params = ", ".join(
        # A searched float shows 4 digits, not Optuna's 0.012345678901234.
        f"`{name}={value:.4g}`" if isinstance(value, float) else f"`{name}={value!r}`"
        for name, value in metrics["params"].items()
    )
    model = f"`{metrics['estimator']}`" + (f" ({params})" if params else "")
    return (
        f"Model: {model}, trained on {metrics['n_train']} {examples} and tested on "
        f"{metrics['n_test']} held-out {examples} of `{metrics['dataset']}`."
    )


def training_summary(metrics: dict[str, Any]) -> str:
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
    if not metrics.get("per_class"):
        return ""
    scores = ("precision", "recall", "f1")
    rows = [
        (name, *(f"{v[key]:.3f}" for key in scores), v["support"])
        for name, v in metrics["per_class"].items()
    ]
    header = "| class | precision | recall | F1 | support |"
    return table(header, "| --- | ---: | ---: | ---: | ---: |", rows)


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
        [table_cell(example[key]) for key in ("text", "label", "prediction")]
        for example in examples
    ]
    wrong = table("| text | label | predicted |", "| --- | --- | --- |", rows)
    return f"Test examples the model got wrong:\n\n{wrong}"


def images(figures: Iterable[Path], title, document: Path, blog: Blog) -> list[str]:
    """Markdown images, each linked the way the document's platform finds it."""
    return [
        f"![{title(figure)}]({blog.figure_link(figure, document)})"
        for figure in figures
    ]


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
    """`document`'s text with its one results block rewritten."""
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
    examples = current_kind().examples
    sections = [
        warnings(metrics, examples),
        metrics_table(metrics),
        model_summary(metrics, examples),
        training_summary(metrics),
        per_class_table(metrics),
        misclassified_table(metrics),
        *extra_sections,
        *images(
            [reports / figure for figure in metrics.get("figures", [])],
            lambda figure: figure.stem.replace("_", " ").capitalize(),
            document,
            blog,
        ),
    ]
    block = fenced(START, "\n\n".join(section for section in sections if section), END)
    return BLOCK.sub(lambda _: block, text)


def cell(text: Any) -> str:
    # A | would start the next cell.
    return str(text).replace("|", "\\|").replace("\n", " ")


def count(number: int, word: str, plural: str) -> str:
    return f"{number} {word if number == 1 else plural}"


def number(value: float) -> str:
    """A value as a reader takes it in: 15,574 and 0.0523, never 1.557e+04."""
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"


def target_cell(facts: dict[str, Any]) -> str:
    if not facts["target"]:
        return "none: the data has no labels"
    name = f"`{cell(facts['target'])}`"
    if "classes" in facts:
        classes = facts["classes"]
        shown = list(classes.items())[:MAX_CLASSES_LISTED]
        listed = [f"{cell(name)} {rows}" for name, rows in shown]
        rest = len(classes) - len(listed)
        more = f", {rest} more" if rest > 0 else ""
        classes_count = count(len(classes), "class", "classes")
        return f"{name}: {classes_count} ({', '.join(listed)}{more})"
    summary = facts["target_summary"]
    return (
        f"{name}: mean {number(summary['mean'])}, standard deviation "
        f"{number(summary['std'])}, from {number(summary['min'])} to "
        f"{number(summary['max'])}"
    )


def missing_cell(facts: dict[str, Any]) -> str:
    missing = facts["missing"]
    if not missing:
        return "none"
    columns = ", ".join(f"{cell(name)} {n}" for name, n in missing.items())
    return f"{count(sum(missing.values()), 'cell', 'cells')} ({columns})"


def facts_table(facts: dict[str, Any]) -> str:
    features = str(facts["features"])
    if "numeric" in facts:
        features += f" ({facts['numeric']} numeric, {facts['categorical']} categorical)"
    rows = [
        ("rows", facts["rows"]),
        ("features", features),
        ("missing values", missing_cell(facts)),
        ("duplicate rows", facts["duplicate_rows"]),
        # A clustering project's target is hidden from the models.
        (
            "hidden labels" if facts.get("task") == "clustering" else "target",
            target_cell(facts),
        ),
        # Facts a problem kind adds (a text's length, an image's size), as they are.
        *((name, cell(value)) for name, value in facts.get("more", {}).items()),
    ]
    rows = [(cell(name), value) for name, value in rows]
    return table("| the data | |", "| --- | --- |", rows)


def read_facts(paths: Paths) -> tuple[dict[str, Any], list[Path]] | None:
    """reports/data.json and its figures, or None when the notebook has not run."""
    if not paths.data_facts.is_file():
        return None
    try:
        facts = json.loads(paths.data_facts.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError):
        facts = {}  # refused below, with what to run
    if not isinstance(facts, dict):
        facts = {}
    missing = [key for key in FACTS_KEYS if key not in facts]
    # Data without a target (clustering, unlabelled) has neither.
    if facts.get("target") and not {"classes", "target_summary"} & facts.keys():
        missing.append("classes or target_summary")
    if missing:
        raise ProjectError(
            f"{paths.data_facts} is not the facts file notebooks/01-explore.py "
            f"writes (it lacks {', '.join(missing)}): run `make explore` again"
        )
    figures = [paths.reports / figure for figure in facts["figures"]]
    absent = [figure for figure in figures if not figure.is_file()]
    if absent:
        raise ProjectError(f"{absent[0]} not found: run `make explore` again")
    return facts, figures


def with_data(
    text: str, document: Path, facts: dict[str, Any], figures: list[Path], blog: Blog
) -> str:
    """`text` with its data block rewritten; a text without one stays as it is."""
    blocks = len(DATA_BLOCK.findall(text))
    if blocks > 1:
        raise ProjectError(
            f"{document} has {blocks} data blocks: keep one {DATA_START} line and "
            f"one {DATA_END} line"
        )
    captions = CAPTIONS | current_kind().captions
    if not facts["target"]:
        captions |= UNLABELLED_CAPTIONS
    shown = images(
        figures, lambda path: captions.get(path.stem, path.stem), document, blog
    )
    body = "\n\n".join([facts_table(facts), *shown])
    block = fenced(DATA_START, body, DATA_END)
    return DATA_BLOCK.sub(lambda _: block, text)


def fill_results(
    documents: Sequence[Path],
    metrics: dict[str, Any],
    reports: Path,
    blog: Blog,
    extra_sections: Sequence[str] = (),
) -> None:
    """Rewrite the results block of each document, and the draft's data block when
    the notebook has run, or none of them if one is refused."""
    texts = [
        with_results(document, metrics, reports, blog, extra_sections)
        for document in documents
    ]
    data = read_facts(Paths(blog.root))
    texts = [
        with_data(text, document, *data, blog)
        if data and document == blog.draft
        else text
        for document, text in zip(documents, texts, strict=True)
    ]
    figures = [reports / figure for figure in metrics.get("figures", [])]
    blog.copy_figures(figures + (data[1] if data else []))
    for document, text in zip(documents, texts, strict=True):
        write_text(document, text)


def draft_path(paths: Paths, project: Project) -> Path:
    """The blog draft `report` fills, where its platform keeps it."""
    return Blog(paths.root, project).draft


def documents_to_fill(paths: Paths, project: Project) -> list[Path]:
    documents = [draft_path(paths, project), paths.readme]
    if paths.model_card.is_file():
        documents.append(paths.model_card)
    return documents


def report(paths: Paths, project: Project) -> list[Path]:
    """Fill the documents; returns the files written."""
    metrics = read_metrics(paths.metrics)
    documents = documents_to_fill(paths, project)
    # A kind may show more than the scores and figures, e.g. what each cluster holds.
    show = current_kind().report_sections
    sections = show(metrics) if show else ()
    fill_results(documents, metrics, paths.reports, Blog(paths.root, project), sections)
    return documents
