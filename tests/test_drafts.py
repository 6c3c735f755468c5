"""One rule says where the blog draft lies: the template places the draft by it, the
project's `report` finds it by it, and so does the hub, `ml100`, imported here as the
package it is (the template's Jinja extension is `ml100_jinja`, not a second `ml100`).
"""

import datetime
import subprocess
import sys
from pathlib import Path

import pytest

import ml100.drafts
from harness import REPO_ROOT, render
from ml100.project import Project as HubProject
from ml100_jinja import extension

ENGINE_RULE = REPO_ROOT / "template/src/{{ package_name }}/_ladder/core/drafts.py"
PLATFORMS = ["markdown", "hugo", "jekyll", "devto", "medium"]


def test_the_template_and_the_hub_read_the_engine_s_own_rule() -> None:
    assert Path(ml100.drafts.__file__).resolve() == ENGINE_RULE
    assert Path(extension.drafts.__file__).resolve() == ENGINE_RULE


@pytest.mark.parametrize("platform", PLATFORMS)
def test_the_draft_lies_where_the_engine_and_the_hub_look(platform, tmp_path) -> None:
    project = render(tmp_path / "p", {"dataset": "wine", "blog_platform": platform})
    slug = "001-wine-classification"
    today = datetime.date.today().isoformat()
    expected = project / ml100.drafts.draft_path(slug, platform, today)
    (written,) = [path for path in (project / "blog").rglob("*.md")]
    assert written == expected
    assert HubProject.read(project).draft_path() == expected
    # The engine's own Blog, in the project, as `report` asks it.
    package = next((project / "src").iterdir()).name
    engine = f"{package}._ladder.core"
    script = (
        f"import yaml; from pathlib import Path; from {engine}.project import Project;"
        f" from {engine}.publish import Blog; facts = yaml.safe_load("
        "Path('configs/project.yaml').read_text())['project'];"
        " print(Blog(Path.cwd(), Project(**facts)).draft)"
    )
    found = subprocess.run(
        [sys.executable, "-c", script],
        cwd=project,
        env={"PYTHONPATH": str(project / "src")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert found.stdout.strip() == str(expected), found.stderr


def test_a_jekyll_post_renamed_to_its_publishing_day_is_still_found(tmp_path) -> None:
    project = render(tmp_path / "p", {"dataset": "wine", "blog_platform": "jekyll"})
    (draft,) = (project / "blog" / "_posts").iterdir()
    published = draft.with_name("2031-01-31-001-wine-classification.md")
    draft.rename(published)
    assert HubProject.read(project).draft_path() == published
    assert ml100.drafts.find_drafts(project, "001-wine-classification", "jekyll") == [
        published
    ]
