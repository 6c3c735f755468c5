"""The data block of the blog draft: the facts and figures of the exploration notebook.

notebooks/01-explore.py saves its figures to reports/figures/data_*.png and its facts
to reports/data.json (explore.py). `report` turns them into a table and figure links
between the draft's data markers, linked the way the draft's platform finds them
(publish.py). A draft without the markers (one made before they existed) is left as
it is: add the two marker lines to its data section to get the block. Until the
notebook has run, the block keeps what it holds.
"""

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ProjectError
from .kind import current_kind
from .markers import block_pattern, fenced
from .paths import Paths
from .publish import Blog

START = "<!-- data:start -->"
END = "<!-- data:end -->"
BLOCK = block_pattern(START, END)
# What the exploration saved, by the figure's name; a kind adds its own (its KIND's
# `captions`), and another name shows as its own.
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
# Classes listed by name in the table; the rest are counted.
MAX_CLASSES_LISTED = 10
# What `report` reads from reports/data.json.
FACTS_KEYS = ("rows", "features", "missing", "duplicate_rows", "target", "figures")


def cell(text: Any) -> str:
    """`text` as one Markdown table cell: a | would start the next one."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def count(number: int, word: str, plural: str) -> str:
    return f"{number} {word if number == 1 else plural}"


def number(value: float) -> str:
    """A value as a reader takes it in: 15,574 and 0.0523, never 1.557e+04."""
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"


def target_cell(facts: dict[str, Any]) -> str:
    """The target and its classes with their rows, or the spread of its values."""
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
        features += f" ({facts['numeric']} numeric, {facts['categorical']} text)"
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
    lines = ["| the data | |", "| --- | --- |"]
    lines += [f"| {cell(name)} | {value} |" for name, value in rows]
    return "\n".join(lines)


@dataclass(frozen=True)
class DataBlock:
    """What reports/data.json holds, ready to go into a draft."""

    facts: dict[str, Any]
    reports: Path
    blog: Blog

    @classmethod
    def read(cls, paths: Paths, blog: Blog) -> "DataBlock | None":
        """The saved exploration, or None when the notebook has not run yet."""
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
        block = cls(facts, paths.reports, blog)
        absent = [figure for figure in block.figures if not figure.is_file()]
        if absent:
            raise ProjectError(f"{absent[0]} not found: run `make explore` again")
        return block

    @property
    def figures(self) -> list[Path]:
        return [self.reports / figure for figure in self.facts["figures"]]

    def body(self, document: Path) -> str:
        captions = CAPTIONS | current_kind().captions
        if not self.facts["target"]:
            captions |= UNLABELLED_CAPTIONS
        links = [
            f"![{captions.get(figure.stem, figure.stem)}]"
            f"({self.blog.figure_link(figure, document)})"
            for figure in self.figures
        ]
        return "\n\n".join([facts_table(self.facts), *links])

    def fill(self, text: str, document: Path) -> str:
        """`text` with its data block rewritten; a text without one stays as it is."""
        blocks = len(BLOCK.findall(text))
        if blocks > 1:
            raise ProjectError(
                f"{document} has {blocks} data blocks: keep one {START} line and "
                f"one {END} line"
            )
        block = fenced(START, self.body(document), END)
        return BLOCK.sub(lambda _: block, text)
