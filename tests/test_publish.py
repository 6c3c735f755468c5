"""Each platform's draft publishes with no hand edit, built by the platform's own tools.

One project per tier is explored (notebooks/01-explore.py) and trained; a project per
platform is rendered with the same answers, given those reports, and filled by its own
`report`. Then Hugo builds the Hugo bundle and Jekyll the Jekyll post, in a minimal
site with a layout written here (no theme, no gem): the results and data tables must
come out as <table>s and every <img> must load a file of the built site. dev.to and
Medium keep only the text: every image must be an address on the project's
repository, of a file the project holds.
"""

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from markdown_it import MarkdownIt

from harness import Project, render

pytestmark = pytest.mark.slow

PLATFORMS = ["markdown", "hugo", "jekyll", "devto", "medium"]
# Intermediate projects keep their figures in run folders, beginner ones in figures/.
TIERS = ["beginner", "intermediate"]
TRAIN_ARGS = {"intermediate": ["--search.n_trials=4", "--search.folds=3"]}
ANSWERS = {"dataset": "wine", "project_number": 7}
IMAGE_LINK = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
START, END = "<!-- results:start -->", "<!-- results:end -->"
DATA_START, DATA_END = "<!-- data:start -->", "<!-- data:end -->"
# Where a Jekyll site that is not at the root of its domain lives (GitHub Pages).
JEKYLL_BASEURL = "/blog"
# Raw files of the default repository address, https://github.com/<user>/<slug>.
RAW_PREFIX = "https://raw.githubusercontent.com/your-github-name/{slug}/main/"


class Page(HTMLParser):
    """The tables and image sources of a built page."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tables = 0
        self.images: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "table":
            self.tables += 1
        if tag == "img":
            self.images.append(dict(attrs)["src"])


def run(project: Project, *command: str) -> str:
    result = project.run(*command)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout


def package_command(project: Project, *arguments: str) -> str:
    return run(project, sys.executable, "-m", project.package, *arguments)


@pytest.fixture(scope="session")
def published(build_once) -> Callable[[str, str], Project]:
    """`published(tier, platform)`: a project of that platform, trained and reported."""

    def trained(tier: str) -> Path:
        def build(folder: Path) -> None:
            project = Project(render(folder / "project", {**ANSWERS, "tier": tier}), {})
            package_command(project, "explore")
            package_command(project, "train", *TRAIN_ARGS.get(tier, []))

        return build_once(f"publish-trained-{tier}", build) / "project"

    def get(tier: str, platform: str) -> Project:
        answers = {**ANSWERS, "tier": tier, "blog_platform": platform}

        def build(folder: Path) -> None:
            project = Project(render(folder / "project", answers), answers)
            shutil.copytree(
                trained(tier) / "reports", project.path / "reports", dirs_exist_ok=True
            )
            shutil.copytree(
                trained(tier) / "models", project.path / "models", dirs_exist_ok=True
            )
            shutil.copy(draft_of(project), folder / "draft-as-rendered.md")
            package_command(project, "report")

        return Project(
            build_once(f"publish-{tier}-{platform}", build) / "project", answers
        )

    return get


def draft_of(project: Project) -> Path:
    (draft,) = (
        path
        for path in (project.path / "blog").rglob("*.md")
        if START in path.read_text(encoding="utf-8")
    )
    return draft


def figures_of(project: Project) -> list[str]:
    """The figures `report` showed, in the results and the data blocks: paths from
    the project's root."""
    metrics = yaml.safe_load(project.read("reports/metrics.json"))
    explored = yaml.safe_load(project.read("reports/data.json"))
    figures = metrics["figures"] + explored["figures"]
    return [f"reports/{figure}" for figure in figures]


def results_block(text: str) -> str:
    return text[text.index(START) : text.index(END)]


def data_block(text: str) -> str:
    return text[text.index(DATA_START) : text.index(DATA_END)]


def without_blocks(text: str) -> str:
    """The draft's prose: what `report` must leave as it is."""
    for block in (results_block(text), data_block(text)):
        text = text.replace(block, "")
    return text


def front_matter(text: str) -> dict:
    match = FRONT_MATTER.match(text)
    assert match, "no front matter"
    return yaml.safe_load(match.group(1))


@pytest.mark.parametrize("tier", TIERS)
def test_hugo_builds_the_page_bundle_with_its_figures(tier, published, tmp_path):
    project = published(tier, "hugo")
    draft = draft_of(project)
    slug = project.path.joinpath(".copier-answers.yml").read_text()
    slug = yaml.safe_load(slug)["project_slug"]
    assert draft == project.path / "blog" / slug / "index.md"

    site = tmp_path / "site"
    # The learner's step: the bundle goes under content/, as it is.
    shutil.copytree(draft.parent, site / "content" / "posts" / slug)
    (site / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\ntitle = "Blog"\n'
        'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n'
    )
    layouts = site / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (layouts / "single.html").write_text(
        "<html><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n"
    )
    (layouts / "list.html").write_text("<html><body>{{ .Title }}</body></html>\n")
    hugo = [sys.executable, "-m", "hugo", "--buildDrafts", "--source", str(site)]
    result = subprocess.run(hugo, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr

    page = site / "public" / "posts" / slug / "index.html"
    built = Page(page.read_text(encoding="utf-8"))
    assert built.tables >= 2, "the results or the data table is not a <table>"
    assert len(built.images) == len(figures_of(project))
    for source in built.images:
        assert "//" not in source, source
        target = (
            (site / "public" / source.lstrip("/"))
            if source.startswith("/")
            else page.parent / unquote(source)
        )
        assert target.is_file(), f"{source} does not load"


@pytest.mark.parametrize("tier", TIERS)
def test_jekyll_builds_the_post_with_its_figures(tier, published, tmp_path):
    if not shutil.which("jekyll"):
        pytest.fail("jekyll not found: install it (apt-get install jekyll, as .ci/run)")
    project = published(tier, "jekyll")
    draft = draft_of(project)
    assert draft.parent == project.path / "blog" / "_posts"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}-007-wine-classification\.md", draft.name)

    # The learner's step: blog/ is the site's source (or goes into it, as it is).
    site = tmp_path / "site"
    shutil.copytree(project.path / "blog", site)
    (site / "_config.yml").write_text(f'title: Blog\nbaseurl: "{JEKYLL_BASEURL}"\n')
    (site / "_layouts").mkdir()
    (site / "_layouts" / "post.html").write_text(
        "<html><body><h1>{{ page.title }}</h1>{{ content }}</body></html>\n"
    )
    # --unpublished: the draft says `published: false` until the learner flips it.
    command = ["jekyll", "build", "--unpublished", "--source", str(site)]
    destination = tmp_path / "built"
    result = subprocess.run(
        [*command, "--destination", str(destination)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr

    (page,) = destination.rglob("007-wine-classification.html")
    built = Page(page.read_text(encoding="utf-8"))
    assert built.tables >= 2, "the results or the data table is not a <table>"
    assert len(built.images) == len(figures_of(project))
    for source in built.images:
        assert source.startswith(f"{JEKYLL_BASEURL}/"), source
        target = destination / unquote(source.removeprefix(f"{JEKYLL_BASEURL}/"))
        assert target.is_file(), f"{source} does not load"


@pytest.mark.parametrize("platform", ["devto", "medium"])
@pytest.mark.parametrize("tier", TIERS)
def test_hosted_platforms_load_figures_from_the_repository(tier, platform, published):
    project = published(tier, platform)
    draft = draft_of(project)
    assert draft == project.path / "blog" / "007-wine-classification.md"
    text = draft.read_text(encoding="utf-8")
    matter = front_matter(text)
    body = text[FRONT_MATTER.match(text).end() :]
    # The platform shows the front matter's title: the body must not repeat it.
    assert not re.search(r"^# ", body, flags=re.MULTILINE)
    assert matter["title"] == "Wine classification"
    if platform == "devto":
        tags = [tag.strip() for tag in matter["tags"].split(",")]
        assert len(tags) <= 4
        assert all(re.fullmatch(r"[a-z0-9]+", tag) for tag in tags), tags
    else:
        assert len(matter["tags"]) <= 5  # Medium's limit

    links = IMAGE_LINK.findall(text)
    prefix = RAW_PREFIX.format(slug="007-wine-classification")
    assert sorted(links) == sorted(prefix + figure for figure in figures_of(project))
    for link in links:
        # The file the address serves, once the project is pushed as it is now.
        assert project.has_file(unquote(urlsplit(link).path.split("/main/", 1)[1]))
    for block in (results_block(body), data_block(body)):
        assert "<table>" in MarkdownIt("commonmark").enable("table").render(block)


@pytest.mark.parametrize("tier", TIERS)
def test_plain_markdown_reads_on_github(tier, published) -> None:
    project = published(tier, "markdown")
    draft = draft_of(project)
    text = draft.read_text(encoding="utf-8")
    assert not text.startswith("---"), "GitHub would show front matter as a table"
    assert text.startswith("# #007: Wine classification\n")
    links = IMAGE_LINK.findall(text)
    assert len(links) == len(figures_of(project))
    for link in links:
        assert draft.parent.joinpath(unquote(link)).resolve().is_file(), link
    for block in (results_block(text), data_block(text)):
        assert "<table>" in MarkdownIt("commonmark").enable("table").render(block)


@pytest.mark.parametrize("platform", PLATFORMS)
def test_report_touches_nothing_outside_its_blocks(platform, published):
    project = published("beginner", platform)
    rendered = (project.path.parent / "draft-as-rendered.md").read_text("utf-8")
    filled = draft_of(project).read_text(encoding="utf-8")
    assert results_block(filled) != results_block(rendered)
    assert data_block(filled) != data_block(rendered)
    for text in (rendered, filled):
        assert text.count(START) == text.count(END) == 1
        assert text.count(DATA_START) == text.count(DATA_END) == 1
    assert without_blocks(rendered) == without_blocks(filled)


@pytest.mark.parametrize("platform", PLATFORMS)
def test_report_again_changes_nothing(platform, published, copy_of, tmp_path):
    project = copy_of(published("beginner", platform), tmp_path / "p")
    before = {
        path: (path.read_bytes(), path.stat().st_mtime_ns) for path in project.files()
    }
    package_command(project, "report")
    after = {
        path: (path.read_bytes(), path.stat().st_mtime_ns) for path in project.files()
    }
    changed = [path for path in after if before.get(path, (None,))[0] != after[path][0]]
    assert not changed, changed
    copies = [path for path in after if path.suffix == ".png" and "blog" in path.parts]
    for path in copies:  # an identical copy of a figure is not written again
        assert before[path][1] == after[path][1], path
    assert bool(copies) == (platform in ("hugo", "jekyll"))
