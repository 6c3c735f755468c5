"""The hub, `ml100`, run as a learner runs it, on workspaces of real projects.

The scenario runs once per workspace layout (a folder of project repositories, one
repository with a folder per project): three projects made by `ml100 new` from a
temporary copy of this template tagged as its release, one trained for real; `status`,
`portfolio`, then `update-all` to a newer release, with one project left dirty (skipped,
byte for byte untouched) and one whose learner edit meets the release's change (its
file listed); then `site`, whose pages are opened and every link and image followed,
and shown in a headless chromium (browser.py).
A quicker test feeds `status` the bad projects a workspace may hold.

The hub runs as a command (`python -m ml100`, what the `ml100` script runs), as a
learner runs it; tests/test_drafts.py imports it as a package.
"""

import json
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pexpect
import pytest
import yaml

from browser import browser_on
from harness import REPO_ROOT, THREAD_LIMITS, VARIANTS, Project
from ml100_jinja.catalogue import learner_file
from template_repo import (
    GIT_ENV,
    VERSION,
    TemplateRepo,
    git,
    later,
    tree,
)

NEXT = later(VERSION)
PACKAGE = "template/src/{{ package_name }}"
ENGINE_LINE = f"# This line arrived with release {NEXT}."
MODEL_LINE = f"(This line arrived with release {NEXT}.)"
PNG = b"\x89PNG\r\n\x1a\n"


def hub(workspace: Path, *arguments: str) -> subprocess.CompletedProcess:
    """Run `ml100 arguments` in `workspace`, as the tests' git user."""
    env = {
        **THREAD_LIMITS,
        **os.environ,
        **GIT_ENV,
        "PYTHONPATH": str(REPO_ROOT / "src"),
        "MPLBACKEND": "Agg",
    }
    return subprocess.run(
        [sys.executable, "-m", "ml100", *arguments],
        cwd=workspace,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def succeeds(workspace: Path, *arguments: str) -> subprocess.CompletedProcess:
    result = hub(workspace, *arguments)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def row_of(output: str, number: int) -> str:
    (line,) = [
        line for line in output.splitlines() if line.startswith(f"{number:03d} ")
    ]
    return line


@pytest.fixture(scope="module")
def releases(tmp_path_factory) -> TemplateRepo:
    """This working tree as release VERSION, and a release NEXT that changes the
    engine and the first lines of the learner's model.py."""
    repo = TemplateRepo.from_worktree(tmp_path_factory.mktemp("hub") / "ml100")
    repo.append(f"{PACKAGE}/_ladder/core/report.py", f"\n{ENGINE_LINE}\n")
    # The learner's model.py, rendered for the tabular kind.
    model = learner_file("tabular", "model.py")
    first = repo.file(model).read_text(encoding="utf-8").splitlines()[0]
    repo.replace(model, first + "\n", f"{first}\n{MODEL_LINE}\n")
    repo.release(NEXT)
    return repo


class Page(HTMLParser):
    """The links, images and tables of a built page."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.links: list[str] = []
        self.images: list[str] = []
        self.tables = 0
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag: str, attrs: list) -> None:
        found = dict(attrs)
        if tag == "a":
            self.links.append(found["href"])
        elif tag == "img":
            self.images.append(found["src"])
        elif tag == "table":
            self.tables += 1


def target_of(page: Path, address: str) -> Path | None:
    """The built file a relative address on `page` opens; None for another site."""
    parts = urlsplit(address)
    if parts.scheme or parts.netloc:
        return None
    target = page.parent / unquote(parts.path)
    return target / "index.html" if target.is_dir() else target


def assert_every_link_and_image_resolves(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert pages
    for page in pages:
        parsed = Page(page)
        for address in parsed.links:
            target = target_of(page, address)
            assert target is None or target.is_file(), f"{page}: {address}"
        for address in parsed.images:
            target = target_of(page, address)
            assert target is not None, f"{page}: image {address} is not in the site"
            assert target.read_bytes().startswith(PNG), f"{page}: {address}"


def assert_the_browser_shows(site: Path, accuracy: float) -> None:
    """In chromium: the index lists every published project, the trained one with its
    metric; its post shows the results table; every image on every page has loaded."""
    with browser_on(site) as visit:
        home = visit("index.html")
        for title in ("Iris classification", "Wine classification"):
            assert title in home.text
        assert f"accuracy {accuracy:.3f}" in home.text
        posts = sorted({link for link in home.links if link.startswith("posts/")})
        assert len(posts) == 2, home.links  # the draft is left out
        pages = {address: visit(address) for address in posts}
        iris = pages["posts/001-iris-classification/"]
        assert any(f"{accuracy:.3f}" in table for table in iris.tables), iris.tables
        assert home.images and iris.images  # the progress figure; the trained results
        for address, shown in {"index.html": home, **pages}.items():
            for source, width in shown.images:
                assert width > 0, f"{address}: {source} did not load"


def commit_project(project: Path, message: str) -> None:
    """Commit the project's changes alone: in its repository, or in the workspace's."""
    repository = project if (project / ".git").exists() else project.parent
    git(repository, "add", "-A", "--", project)
    git(repository, "commit", "-q", "-m", message, "--", project)


def train(project: Path) -> None:
    """`train` and `report` of a beginner project, for real, then committed."""
    package = yaml.safe_load((project / ".copier-answers.yml").read_text())
    package = package["package_name"]
    env = {
        **os.environ,
        **THREAD_LIMITS,
        "PYTHONPATH": str(project / "src"),
        "MPLBACKEND": "Agg",
    }
    for command in ("train", "report"):
        result = subprocess.run(
            [sys.executable, "-m", package, command],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr
    commit_project(project, "Trained")


def edit_first_lines(path: Path, line: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join([lines[0], f"{line}\n", *lines[1:]]), encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("layout", ["folders", "repository"])
def test_the_challenge_from_new_to_site(layout, releases, tmp_path):
    workspace = tmp_path / "100ml"
    workspace.mkdir()
    if layout == "repository":
        git(workspace, "init", "-q", "-b", "main")
    repository = workspace if layout == "repository" else None

    # new: numbers 1, 2, 3 picked by the hub, the template found again from project 1.
    start = ["new", "--defaults", "--vcs-ref", VERSION]
    succeeds(workspace, *start, "--template", str(releases.path))
    succeeds(
        workspace, *start, "--data", "dataset=wine", "--data", "blog_platform=hugo"
    )
    made = succeeds(
        workspace,
        *start,
        "--data",
        "dataset=diabetes",
        "--data",
        "blog_platform=jekyll",
    )
    assert "#003 Diabetes regression (beginner, tabular, diabetes)" in made.stdout
    iris, wine, diabetes = (
        workspace / "001-iris-classification",
        workspace / "002-wine-classification",
        workspace / "003-diabetes-regression",
    )
    for number, project in enumerate((iris, wine, diabetes), start=1):
        answers = yaml.safe_load((project / ".copier-answers.yml").read_text())
        assert answers["project_number"] == number
        assert answers["_commit"] == VERSION
        log = git(repository or project, "log", "--format=%s", "--", project)
        assert log.startswith(f"Start #{number:03d} "), log
    assert (iris / ".git").is_dir() == (layout == "folders")
    assert not git(repository or diabetes, "status", "--porcelain")
    taken = hub(workspace, "new", "--defaults", "--number", "2")
    assert taken.returncode == 2
    assert taken.stderr.strip().splitlines() == [
        "ml100 new: project #002 exists already: 002-wine-classification"
    ]

    # The learner trains #1 and publishes #1 (plain Markdown: a comment says draft or
    # not) and #2 (Hugo: its front matter does).
    train(iris)
    for post, project in (
        (iris / "blog" / "001-iris-classification.md", iris),
        (wine / "blog" / "002-wine-classification" / "index.md", wine),
    ):
        post.write_text(post.read_text().replace("draft: true", "draft: false", 1))
        commit_project(project, "Publish")

    # status: a row each, the trained result next to its baseline, the release.
    shown = succeeds(workspace, "status").stdout
    metrics = json.loads((iris / "reports" / "metrics.json").read_text())
    accuracy, baseline = metrics["model"]["accuracy"], metrics["baseline"]["accuracy"]
    assert f"accuracy {accuracy:.3f} (baseline {baseline:.3f})" in row_of(shown, 1)
    assert "published" in row_of(shown, 1)
    assert "published" in row_of(shown, 2) and "not trained" in row_of(shown, 2)
    assert "draft" in row_of(shown, 3) and "Diabetes regression" in row_of(shown, 3)
    for number in (1, 2, 3):
        assert f"{VERSION} -> {NEXT} available" in row_of(shown, number)
        assert row_of(shown, number).endswith("clean")
        assert "tabular" in row_of(shown, number)

    # portfolio: the table with working links, the figure; a rerun changes nothing.
    succeeds(workspace, "portfolio")
    portfolio = (workspace / "PORTFOLIO.md").read_text()
    figure = workspace / "portfolio" / "progress.png"
    assert figure.read_bytes().startswith(PNG)
    assert f"accuracy {accuracy:.3f}" in portfolio and f"+{accuracy - baseline:.3f}"
    assert "3 projects, 1 trained, 2 published. Written by `ml100 portfolio`." in (
        portfolio
    )
    for relative in (
        "001-iris-classification/",
        "001-iris-classification/blog/001-iris-classification.md",
        "002-wine-classification/blog/002-wine-classification/index.md",
    ):
        assert f"(<{relative}>)" in portfolio
        assert (workspace / relative).exists()
    before = {
        path: path.stat().st_mtime_ns for path in (figure, workspace / "PORTFOLIO.md")
    }
    assert "up to date" in succeeds(workspace, "portfolio").stdout
    assert before == {path: path.stat().st_mtime_ns for path in before}

    # update-all: #1 updated, #2's edit meets the release's line, #3 dirty and skipped.
    model = wine / "src" / "wine_classification" / "model.py"
    edit_first_lines(model, "My own line.")
    commit_project(wine, "My model")
    readme = diabetes / "README.md"
    readme.write_text(readme.read_text() + "\nNotes I have not committed.\n")
    untouched = tree(diabetes)
    # --test runs the updated project's fast tests (once: the layouts share them).
    testing = ["--test"] if layout == "folders" else []
    updating = hub(workspace, "update-all", "--jobs", "2", *testing)
    assert updating.returncode == 1, updating.stdout + updating.stderr
    summary = updating.stdout
    assert f"updated    {VERSION} -> {NEXT}" in summary
    assert ("; tests pass" in summary) == (layout == "folders")
    assert "conflicts  conflicts in src/wine_classification/model.py" in summary
    assert "skipped    1 uncommitted changes (" in summary
    assert "[2/2]" in updating.stderr  # progress as each project finishes
    assert tree(diabetes) == untouched
    assert yaml.safe_load((iris / ".copier-answers.yml").read_text())["_commit"] == NEXT
    assert (
        ENGINE_LINE
        in (iris / "src/iris_classification/_ladder/core/report.py").read_text()
    )
    assert "<<<<<<< before updating" in model.read_text()
    assert "My own line." in model.read_text()
    # Nothing is lost: git puts the conflicted project back as it was.
    git(repository or wine, "checkout", "-q", "HEAD", "--", wine)
    git(repository or wine, "clean", "-fdq", "--", wine)
    assert not git(repository or wine, "status", "--porcelain", "--", wine)
    assert MODEL_LINE not in model.read_text() and "My own line." in model.read_text()
    commit_project(iris, f"ml100 {NEXT}")
    again = hub(workspace, "update-all", "--to", NEXT)
    assert f"current    already at {NEXT}" in again.stdout, again.stdout + again.stderr
    wrong = hub(workspace, "update-all", "--to", "9.9.9")
    assert f"9.9.9 is not a release of {releases.path} ({VERSION}, {NEXT})" in (
        wrong.stdout
    )

    # site: the published posts and the portfolio, every link and image in place.
    site = tmp_path / "site"
    succeeds(workspace, "site", "--out", str(site))
    assert_every_link_and_image_resolves(site)
    index = Page(site / "index.html")
    assert "posts/001-iris-classification/" in index.links
    assert "progress.png" in index.images
    home = (site / "index.html").read_text()
    for title in ("Iris classification", "Wine classification", "Diabetes regression"):
        assert title in home
    assert f"accuracy {accuracy:.3f}" in home
    iris_page = Page(site / "posts" / "001-iris-classification" / "index.html")
    assert iris_page.tables == 1 and iris_page.images == ["confusion_matrix.png"]
    assert_the_browser_shows(site, accuracy)
    assert not (site / "posts" / "003-diabetes-regression").exists()  # a draft
    succeeds(workspace, "site", "--out", str(site), "--drafts")
    assert (site / "posts" / "003-diabetes-regression" / "index.html").is_file()
    assert_every_link_and_image_resolves(site)
    refused = hub(
        workspace, "site", "--out", str(workspace / "001-iris-classification")
    )
    assert refused.returncode == 2 and "is not a site ml100 built" in refused.stderr


@pytest.mark.slow
def test_update_all_test_reports_a_project_whose_tests_fail(releases, tmp_path):
    workspace = tmp_path / "100ml"
    workspace.mkdir()
    template = ["--template", str(releases.path)]
    succeeds(workspace, "new", "--defaults", "--vcs-ref", VERSION, *template)
    project = workspace / "001-iris-classification"
    # A test of the learner's that fails: the update lands, and says so.
    mine = project / "tests" / "test_mine.py"
    mine.write_text("def test_mine():\n    assert 1 + 1 == 3\n", encoding="utf-8")
    commit_project(project, "My test")
    updating = hub(workspace, "update-all", "--test")
    assert updating.returncode == 1, updating.stdout + updating.stderr
    (line,) = [row for row in updating.stdout.splitlines() if "tests failed" in row]
    assert f"{VERSION} -> {NEXT}; tests: " in line and "1 failed" in line
    answers = yaml.safe_load((project / ".copier-answers.yml").read_text())
    assert answers["_commit"] == NEXT


def test_status_names_each_unreadable_project_and_shows_the_others(rendered, tmp_path):
    good = rendered("beginner-iris", **VARIANTS["beginner-iris"]).path
    hugo = rendered("hugo-apache-py310", **VARIANTS["hugo-apache-py310"]).path
    workspace = tmp_path / "100ml"
    workspace.mkdir()
    shutil.copytree(good, workspace / "001-iris-classification")

    no_answers = workspace / "002-no-answers"
    shutil.copytree(good, no_answers)
    (no_answers / ".copier-answers.yml").unlink()

    other = workspace / "003-other-template"
    other.mkdir()
    (other / ".copier-answers.yml").write_text(
        "_commit: v1.0.0\n_src_path: gh:someone/other-template\nproject_name: x\n"
    )

    corrupt_metrics = workspace / "004-corrupt-metrics"
    shutil.copytree(good, corrupt_metrics)
    (corrupt_metrics / "reports" / "metrics.json").write_text('{"model": {\n')

    front_matter = workspace / "005-corrupt-front-matter"
    shutil.copytree(hugo, front_matter)
    (draft,) = (front_matter / "blog").glob("*/index.md")
    draft.write_text(draft.read_text().replace("title: ", 'title: "unclosed ', 1))

    result = hub(workspace, "status")
    assert result.returncode == 1
    assert "Iris classification" in row_of(result.stdout, 1)
    assert "not trained" in row_of(result.stdout, 1)
    assert "not in git" in row_of(result.stdout, 1)
    assert result.stderr.strip().splitlines() == [
        "cannot read 002-no-answers: no .copier-answers.yml: not made with Copier, "
        "or the file was deleted (restore it from git to update the project)",
        "cannot read 003-other-template: made from another template "
        "(gh:someone/other-template): its .copier-answers.yml has no project_number",
        "cannot read 004-corrupt-metrics: reports/metrics.json is not valid JSON "
        "(line 2): run `make all` again",
        f"cannot read 005-corrupt-front-matter: {draft.relative_to(front_matter)}: "
        "its front matter is not valid YAML (line 2)",
    ]
    # The portfolio still lists the readable project, and the others with their cause.
    assert hub(workspace, "portfolio").returncode == 1
    portfolio = (workspace / "PORTFOLIO.md").read_text()
    assert "[Iris classification](<001-iris-classification/>)" in portfolio
    assert "- 004-corrupt-metrics: reports/metrics.json is not valid JSON" in portfolio


@pytest.mark.parametrize(
    ("folder", "message"),
    [
        ("empty", "holds no ml100 projects"),
        ("missing", "is not a folder"),
        ("project", "is a project, not a workspace: run ml100 in the folder"),
    ],
)
def test_a_folder_that_is_not_a_workspace_is_one_line(
    folder, message, rendered, tmp_path
):
    (tmp_path / "empty").mkdir()
    project: Project = rendered("beginner-iris", **VARIANTS["beginner-iris"])
    target = {"project": project.path}.get(folder, tmp_path / folder)
    result = hub(tmp_path, "status", "--workspace", str(target))
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("ml100 status: ") and message in line


def test_a_workspace_repository_gets_a_pages_workflow(tmp_path):
    workspace = tmp_path / "100ml"
    workspace.mkdir()
    command = ["site", "--pages-workflow"]
    refused = hub(workspace, *command, "--hub-from", "gh:ada/ml100")
    assert refused.returncode == 2
    assert "needs the workspace to be one git repository" in refused.stderr
    git(workspace, "init", "-q", "-b", "main")
    unknown = hub(workspace, *command)
    assert unknown.returncode == 2 and "Pass --hub-from" in unknown.stderr
    succeeds(workspace, *command, "--hub-from", "gh:ada/ml100")
    workflow = yaml.safe_load((workspace / ".github/workflows/site.yml").read_text())
    steps = [
        step.get("run") or step["uses"] for step in workflow["jobs"]["build"]["steps"]
    ]
    assert 'pip install "ml100 @ git+https://github.com/ada/ml100.git"' in steps
    assert "ml100 site --out _site" in steps
    assert workflow["jobs"]["deploy"]["steps"][0]["uses"].startswith(
        "actions/deploy-pages@"
    )


@pytest.mark.slow
def test_pip_install_of_the_clone_gives_the_command(tmp_path):
    """`pip install <clone>` (the build backend comes from PyPI), then the `ml100`
    script starts a project from the clone it was installed from."""
    target = tmp_path / "installed"
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps"]
    installed = subprocess.run(
        [*pip, "--target", str(target), str(REPO_ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    workspace = tmp_path / "100ml"
    workspace.mkdir()
    script = [str(target / "bin" / "ml100"), "new", "--defaults", "--vcs-ref", "HEAD"]
    result = subprocess.run(
        script,
        cwd=workspace,
        env={**os.environ, **GIT_ENV, "PYTHONPATH": str(target)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    answers = (
        workspace / "001-iris-classification" / ".copier-answers.yml"
    ).read_text()
    assert yaml.safe_load(answers)["_src_path"] == str(REPO_ROOT)


def test_new_asks_copiers_questions_in_a_terminal(tmp_path):
    """Without --defaults, Copier asks every question the hub did not answer: a
    learner pressing Enter at each takes its default; the number is the hub's."""
    workspace = tmp_path / "100ml"
    workspace.mkdir()
    (tmp_path / ".gitconfig").write_text("")
    env = {
        **os.environ,
        **GIT_ENV,
        "PYTHONPATH": str(REPO_ROOT / "src"),
        "PROMPT_TOOLKIT_NO_CPR": "1",  # a pseudo-terminal answers no cursor requests
        "TERM": "xterm",
    }
    command = ["-m", "ml100", "new", "--template", str(REPO_ROOT)]
    command += ["--vcs-ref", "HEAD", "--number", "31", "--data", "dataset=wine"]
    child = pexpect.spawn(
        sys.executable,
        command,
        cwd=workspace,
        env=env,
        encoding="utf-8",
        timeout=60,
        dimensions=(40, 200),
    )
    questions = 0
    # Copier marks each question with a microphone; once the screen is still for
    # half a second, the question waits: Enter takes its default.
    while child.expect([pexpect.EOF, "\N{MICROPHONE}"]) == 1:
        questions += 1
        if child.expect([pexpect.TIMEOUT, pexpect.EOF], timeout=0.5) == 0:
            child.send("\r")
    child.close()
    assert child.exitstatus == 0, child.before
    assert questions > 3  # the title, the slug, the author... each asked
    (project,) = workspace.iterdir()
    answers = yaml.safe_load((project / ".copier-answers.yml").read_text())
    assert answers["project_number"] == 31 and answers["dataset"] == "wine"
    assert answers["tier"] == "intermediate"  # the tier #31 has reached
    assert project.name == "031-wine-classification"


@pytest.mark.parametrize(
    ("answers", "said"),
    [
        (
            ["kind=timeseries", "dataset=csv", "csv_path=/nowhere/Shop Sales.csv"]
            + ["date_column=month", "target_column=units"],
            "copy it to {folder}/data/raw/shop-sales.csv before training, with its "
            "dates in the column 'month', its values in 'units'.",
        ),
        (
            ["dataset=csv", "csv_path=/nowhere/churn.csv", "target_column=churned"],
            "copy it to {folder}/data/raw/churn.csv before training, with its "
            "column to predict named 'churned'.",
        ),
        (
            ["kind=clustering", "dataset=csv", "csv_path=/nowhere/shops.csv"]
            + ["target_column=region"],
            "copy it to {folder}/data/raw/shops.csv before training, with every "
            "column a number, the known groups in 'region'.",
        ),
        (
            ["kind=images", "dataset=folder", "images_path=/nowhere/My Photos"],
            "copy it to {folder}/data/raw/my-photos/ before training, one subfolder "
            "per class.",
        ),
    ],
    ids=["series", "table", "clustering", "images"],
)
def test_new_says_where_the_data_goes_when_it_is_not_there(answers, said, tmp_path):
    workspace = tmp_path / "100ml"
    workspace.mkdir()
    command = ["new", "--defaults", "--template", str(REPO_ROOT), "--vcs-ref", "HEAD"]
    for answer in answers:
        command += ["--data", answer]
    made = succeeds(workspace, *command)
    (folder,) = (path for path in workspace.iterdir() if path.name.startswith("001-"))
    assert said.format(folder=folder) in made.stdout, made.stdout
    assert made.stdout.rstrip().endswith(f"Next: cd {folder} && make install all")
