"""Hostile but valid answers render valid files, in every language they land in.

Titles and names hold quotes, backslashes, Jinja, HTML, Markdown, YAML and TOML syntax,
non-Latin scripts, emoji, spaces around them, or run long. Rendered, each answer must
come back unchanged from pyproject.toml, .copier-answers.yml and the draft's front
matter; show as typed in Markdown (no live HTML, headings intact, no Liquid tag for
Jekyll or DEV); and leave Python that compiles and passes ruff. A table of named cases
pins the known traps; a property-based test looks for the unknown ones.
"""

import re
import tempfile
import tomllib
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from harness import assert_ruff_passes, render

FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
MARKDOWN = MarkdownIt("commonmark").enable("table")

# Named traps: each answer set is valid and must render into valid files.
HOSTILE_CASES: dict[str, dict[str, Any]] = {
    "quotes-and-backslashes": {
        "project_title": 'He said "hi", it\'s C:\\new\\table \\ end\\',
        "author_name": 'O\'Brien "The \\ Coder"',
        "blog_platform": "hugo",
    },
    "jinja": {
        "project_title": "{{ 7*7 }} {% raw %} {# note #} {%- if x -%} {{ '}}' }}",
        "author_name": "{{ author_name }} {% endraw %}",
        "blog_platform": "jekyll",
    },
    "html": {
        "project_title": '<script>alert("x")</script> <b>bold</b> &amp; &copy; '
        "<!-- c -->",
        "author_name": "<img src=x onerror=alert(1)> &lt;me&gt;",
        "blog_platform": "devto",
    },
    "markdown": {
        "project_title": "# Not *a* _heading_ [link](http://x) | pipe | ~~s~~ `c` "
        "1. ##",
        "author_name": "**Bold** `tick` > quote - dash + plus",
        "blog_platform": "markdown",
    },
    "yaml-and-toml-syntax": {
        "project_title": "key: value # comment - [a, b] {c: d} !tag &anchor *alias ---",
        "author_name": '\'single\' "double" """triple""" \'\'\' [x] = 1',
        "blog_platform": "hugo",
    },
    "yaml-keywords": {
        "project_title": "yes",
        "author_name": "null",
        "license": "BSD-3-Clause",
        "blog_platform": "jekyll",
    },
    "non-latin-scripts": {
        "project_title": "Классификация — 日本語のタイトル — العربية — हिन्दी — Ærø",
        "author_name": "李小龍 Ñandú Ærøskøbing",
        "license": "Apache-2.0",
        "blog_platform": "medium",
    },
    "emoji": {
        "project_title": "Cats 🐱 vs dogs 🐶 👨‍👩‍👧 🏳️‍🌈",
        "author_name": "🤖 Bot",
        "blog_platform": "markdown",
    },
    "spaces-around": {
        "project_title": "   padded   title   ",
        "author_name": "  Ada  ",
        "project_number": " 007 ",
        "blog_platform": "hugo",
    },
    "very-long": {
        "project_title": "A " + "very " * 300 + "long title",
        "author_name": "N" * 500,
        "blog_platform": "jekyll",
    },
    "liquid-and-hugo-shortcodes": {
        "project_title": "{{< shortcode >}} {{% md %}} {% include x.html %} {{ page }}",
        "author_name": "{% comment %}",
        "blog_platform": "devto",
    },
    "csv-hostile-target-column": {
        "target_column": 'Price ("€") | #1 `raw` <b> \\ 日本 🐱',
        "project_title": "Prices: \"€\" | 'quoted'",
        "blog_platform": "markdown",
    },
    "csv-long-target-column": {
        "target_column": "How satisfied were you with our service, on a scale from 1 "
        "to 10, last year? (日本語)",
        "blog_platform": "jekyll",
    },
    "csv-long-file-name": {
        "csv_name": "My Data (v2) " + "export " * 20 + ".CSV",
        "target_column": "y",
    },
    "longest-names": {
        "project_slug": "999-" + "a" * 56,
        "package_name": "p" * 30,
        "project_number": 999,
        "blog_platform": "devto",
    },
}


def write_csv(path: Path, target: str) -> Path:
    """A small classification CSV whose target column is called `target`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    frame = pd.DataFrame({"x": range(20), "colour": ["red", "blue"] * 10})
    frame[target] = ["a", "b", "b", "a"] * 5
    frame.to_csv(path, index=False)
    return path


def answers_for(case: dict[str, Any], workdir: Path) -> dict[str, Any]:
    """A case's answers; a case naming a target column gets a CSV that has it."""
    answers = {key: value for key, value in case.items() if key != "csv_name"}
    if "target_column" in case:
        csv_name = case.get("csv_name", "data.csv")
        csv_path = write_csv(workdir / "input" / csv_name, case["target_column"])
        answers.update(dataset="csv", csv_path=str(csv_path), task="classification")
    return answers


def inline_text(tokens) -> str:
    """The text a reader sees in Markdown inline tokens; raw HTML is refused."""
    parts = []
    for token in tokens:
        assert token.type not in ("html_inline", "html_block"), token.content
        if token.type in ("text", "code_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)


def markdown_blocks(text: str) -> list[tuple[str, str]]:
    """(tag, visible text) of each heading (h1), paragraph (p) and table cell (td)."""
    tokens = MARKDOWN.parse(text)
    for token in tokens:
        if token.type == "html_block":
            # The template's own comments only; an answer never becomes HTML.
            assert token.content.lstrip().startswith("<!--"), token.content
    blocks = []
    for opening, inline in zip(tokens, tokens[1:], strict=False):
        if inline.type == "inline":
            blocks.append((opening.tag, inline_text(inline.children)))
    return blocks


def one_line(text: str) -> str:
    return " ".join(text.split())


def check_project(project: Path, answers: dict[str, Any]) -> None:
    """Every place an answer lands holds it exactly, in valid syntax."""
    recorded = yaml.safe_load((project / ".copier-answers.yml").read_text("utf-8"))
    title, author = recorded["project_title"], recorded["author_name"]
    number = f"#{recorded['project_number']:03d}"
    for key, value in answers.items():
        expected = int(value) if key == "project_number" else value
        assert recorded[key] == expected, key

    pyproject = tomllib.loads((project / "pyproject.toml").read_text("utf-8"))
    description = f"Project {number} of #100MLProjects: {title}"
    assert pyproject["project"]["description"] == description
    assert pyproject["project"]["authors"][0]["name"] == author

    platform = recorded["blog_platform"]
    (draft_path,) = (project / "blog").rglob("*.md")
    draft = draft_path.read_text("utf-8")
    match = FRONT_MATTER.match(draft)
    if platform == "markdown":
        # No front matter, which GitHub would show as a table: the title is a heading.
        assert not match, "plain Markdown has no front matter"
        body = draft
        assert ("h1", f"{number}: {one_line(title)}") in markdown_blocks(body)
    else:
        assert match, "the draft starts with front matter"
        matter = yaml.safe_load(match.group(1))
        assert matter["title"] == title
        if platform == "devto":
            assert matter["description"] == description
        if platform == "medium":
            assert matter["subtitle"] == description
        if platform == "hugo":
            assert matter["author"] == author
        body = draft[match.end() :]
    if "target_column" not in answers:
        # Jekyll and DEV run Liquid on the body, Hugo its shortcodes: none may appear.
        assert not re.search(r"{{|{%", body)

    readme = markdown_blocks((project / "README.md").read_text("utf-8"))
    assert readme[0] == ("h1", f"{number} · {one_line(title)}")
    byline = f"Made from the ml100 template by {one_line(author)}. The write-up"
    assert any(text.startswith(byline) for _, text in readme)

    if recorded["license"] != "none":
        assert author in (project / "LICENSE").read_text("utf-8")

    for path in project.rglob("*.py"):
        compile(path.read_text("utf-8"), str(path), "exec")
    assert_ruff_passes(project)

    if "target_column" in answers:
        target = answers["target_column"]
        config = project / "configs" / "project.yaml"
        facts = yaml.safe_load(config.read_text("utf-8"))["project"]
        assert facts["target"] == target
        # A code span shows the column as it is, line breaks as spaces.
        shown = " ".join(target.splitlines())
        card = markdown_blocks((project / "data" / "README.md").read_text("utf-8"))
        cells = [text for _, text in card]
        assert cells[cells.index("target") + 1] == f"{shown} (classification)"
        sentence = f"My own CSV, with the target column {shown} (classification)."
        assert ("p", sentence) in markdown_blocks(body)


@pytest.mark.parametrize("name", sorted(HOSTILE_CASES))
def test_hostile_answers_render_valid_files(name, tmp_path) -> None:
    answers = answers_for(HOSTILE_CASES[name], tmp_path)
    project = render(tmp_path / "project", answers)
    check_project(project, answers)


# Pieces of hostile text; hypothesis strings them together with random characters.
FRAGMENTS = [
    "{{ x }}",
    "{% if %}",
    "{#",
    "#}",
    "<b>",
    "</script>",
    "<!-- results:start -->",
    "&copy;",
    '"',
    "'",
    "\\",
    "#",
    ": ",
    " - ",
    "---",
    "|",
    "`",
    "*",
    "_",
    "[x](y)",
    "日本",
    "🐱",
    "👨‍👩‍👧",
    "  ",
    "yes",
    "null",
    "1e3",
]
PIECE = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=6),
)
ONE_LINE = (
    st.lists(PIECE, min_size=1, max_size=10).map("".join).filter(lambda s: s.strip())
)
ANSWERS = st.fixed_dictionaries(
    {
        "project_title": ONE_LINE,
        "author_name": ONE_LINE,
        "project_number": st.integers(1, 999)
        | st.integers(1, 999).map(" {:03d}".format),
        "dataset": st.sampled_from(["iris", "diabetes"]),
        "blog_platform": st.sampled_from(
            ["markdown", "hugo", "jekyll", "devto", "medium"]
        ),
        "license": st.sampled_from(["MIT", "Apache-2.0", "BSD-3-Clause", "none"]),
        "github_actions": st.booleans(),
    }
)


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
@given(answers=ANSWERS)
def test_random_hostile_answers_render_valid_files(answers) -> None:
    with tempfile.TemporaryDirectory() as workdir:
        project = render(Path(workdir) / "project", answers)
        check_project(project, answers)
