"""Every variant renders into valid, lint-clean files: the fast structural checks."""

import re
import sys
import tomllib

import pytest
import yaml

from harness import HOSTILE_TITLE, REPO_ROOT, VARIANTS, assert_ruff_passes
from ml100_jinja.catalogue import KINDS, OFFERED_TIERS
from ml100_jinja.data_inspection import IMAGE_SUFFIXES

JINJA_LEFTOVER = re.compile(r"{{|}}|{%|%}|{#|#}")
# GitHub's own expressions, which workflows hold on purpose (`${{ github.token }}`).
GITHUB_EXPRESSION = re.compile(r"\$\{\{ [\w.]+ \}\}")
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
# A word, a space, then punctuation: a phrase rendered empty ("competes with .").
EMPTY_PHRASE = re.compile(r"^.*[a-z] [.,;:](?: |$).*$", re.MULTILINE)
COMMON_FILES = [
    ".copier-answers.yml",
    ".gitignore",
    ".pre-commit-config.yaml",
    "Makefile",
    "README.md",
    "pyproject.toml",
    "data/README.md",
    "data/raw/.gitkeep",
    "data/processed/.gitkeep",
    "models/.gitkeep",
    "reports/figures/.gitkeep",
]
# The learner's files: the same in every tier, and each tier adds its own.
LEARNER_FILES = {
    "beginner": ["features.py", "model.py", "configs/default.yaml"],
    "intermediate": ["candidates.py"],
    "advanced": ["network.py", "MODEL_CARD.md"],
}
TIERS = ["beginner", "intermediate", "advanced"]
# The engine: template-owned, one folder per rung, plain Python.
ENGINE = "_ladder"
CORE_MODULES = [
    "artifacts",
    "cli",
    "commands",
    "data",
    "errors",
    "evaluate",
    "kind",
    "paths",
    "project",
    "report",
    "settings",
]
TEMPLATE_ENGINE = REPO_ROOT / "template" / "src" / "{{ package_name }}" / ENGINE


def package_file(project, relative: str) -> str:
    """`relative` in the project: a module of the package, or a project file."""
    if relative.endswith(".py"):
        return f"src/{project.package}/{relative}"
    return relative


def answers_of(project) -> dict:
    return yaml.safe_load(project.read(".copier-answers.yml"))


@pytest.fixture(params=sorted(VARIANTS))
def project(request, rendered):
    return rendered(request.param, **VARIANTS[request.param])


def draft_of(project) -> str:
    """The draft's path in the project: where its platform's site generator reads it."""
    answers = yaml.safe_load(project.read(".copier-answers.yml"))
    slug, platform = answers["project_slug"], answers["blog_platform"]
    if platform == "hugo":
        return f"blog/{slug}/index.md"
    if platform == "jekyll":
        (post,) = (project.path / "blog" / "_posts").glob(f"*-{slug}.md")
        assert re.fullmatch(rf"\d{{4}}-\d{{2}}-\d{{2}}-{slug}\.md", post.name)
        return f"blog/_posts/{post.name}"
    return f"blog/{slug}.md"


def front_matter(project) -> dict:
    match = FRONT_MATTER.match(project.read(draft_of(project)))
    assert match, "the blog draft starts with a --- front matter block"
    return yaml.safe_load(match.group(1))


def test_layout_matches_the_design(project) -> None:
    for relative in COMMON_FILES:
        assert project.has_file(relative), relative
    answers = yaml.safe_load(project.read(".copier-answers.yml"))
    reached = TIERS[: TIERS.index(answers["tier"]) + 1]
    for tier, files in LEARNER_FILES.items():
        for relative in files:
            has = project.has_file(package_file(project, relative))
            assert has == (tier in reached), relative
    engine = project.path / "src" / project.package / ENGINE
    for module in CORE_MODULES:
        assert (engine / "core" / f"{module}.py").is_file(), module
    # The project's own kind only, with its declaration and steps, and its part of
    # each tier it reaches above the beginner's.
    kind = engine / "kinds" / answers["kind"]
    assert [path.name for path in (engine / "kinds").iterdir() if path.is_dir()] == [
        answers["kind"]
    ]
    assert (kind / "__init__.py").is_file() and (kind / "steps.py").is_file()
    for tier in TIERS[1:]:
        assert (kind / tier / "__init__.py").is_file() == (tier in reached), tier
    for tier in TIERS:
        assert (engine / tier / "commands.py").is_file() == (tier in reached), tier
    assert project.has_file("configs/project.yaml")
    drafts = sorted(path for path in project.files() if "blog" in path.parts)
    assert drafts == [project.path / draft_of(project)], "one draft, in its place"
    assert project.has_file("LICENSE") == (answers["license"] != "none")
    assert project.has_file(".github/workflows/ci.yml") == answers["github_actions"]
    assert project.has_file(".github/workflows/update.yml") == answers["github_actions"]


def test_the_engine_is_plain_python_rendered_as_it_is(project) -> None:
    """No engine code is a template: each module is copied byte for byte, so this
    repository's ruff and tests check the very code a project runs. The one rendered
    file is the release record, a version number."""
    templates = TEMPLATE_ENGINE.rglob("*.jinja")
    assert [path.relative_to(TEMPLATE_ENGINE).as_posix() for path in templates] == [
        "RELEASE.jinja"
    ]
    answers = answers_of(project)
    # The engine's folders have plain names: a kind's package is named after it, a
    # rung after its tier. A project gets its own kind's and its tiers' up to its own.
    tiers = list(OFFERED_TIERS)
    above = set(tiers[tiers.index(answers["tier"]) + 1 :])
    others = set(KINDS) - {answers["kind"]}
    sources = {
        source.relative_to(TEMPLATE_ENGINE).as_posix(): source
        for source in TEMPLATE_ENGINE.rglob("*.py")
    }
    expected = {
        name for name in sources if not set(name.split("/")[:-1]) & (above | others)
    }
    engine = project.path / "src" / project.package / ENGINE
    rendered = {
        path.relative_to(engine).as_posix(): path for path in engine.rglob("*.py")
    }
    assert set(rendered) == expected
    for name, path in rendered.items():
        assert path.read_bytes() == sources[name].read_bytes(), name


def test_no_jinja_is_left(project) -> None:
    if project.answers.get("project_title") == HOSTILE_TITLE:
        pytest.skip("this title holds Jinja on purpose; test_hostile_answers covers it")
    for path in project.files():
        if ENGINE in path.parts:
            continue  # copied as it is (see the test below), braces and all
        if path.suffix.lower() in IMAGE_SUFFIXES:
            continue  # the learner's images, copied in byte for byte
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.parent.name == "workflows":
            text = GITHUB_EXPRESSION.sub("", text)
        assert not JINJA_LEFTOVER.search(text), f"Jinja left in {path.name}"
        assert ".jinja" not in path.name


def test_toml_and_yaml_parse(project) -> None:
    pyproject = tomllib.loads(project.read("pyproject.toml"))
    assert pyproject["project"]["requires-python"].startswith(">=3.1")
    for config in project.path.glob("**/*.toml"):
        assert tomllib.loads(config.read_text(encoding="utf-8")), config
    for relative in [".copier-answers.yml", ".pre-commit-config.yaml"]:
        assert yaml.safe_load(project.read(relative))
    for path in sorted(project.path.glob("configs/*.yaml")):
        assert yaml.safe_load(path.read_text(encoding="utf-8")), path.name
    if project.has_file(".github/workflows/ci.yml"):
        assert "jobs" in yaml.safe_load(project.read(".github/workflows/ci.yml"))
    if answers_of(project)["blog_platform"] != "markdown":
        assert front_matter(project)["title"]


def test_python_compiles(project) -> None:
    for path in project.path.rglob("*.py"):
        compile(path.read_text(encoding="utf-8"), str(path), "exec")


def test_ruff_check_and_format_pass(project) -> None:
    assert_ruff_passes(project.path)


def test_front_matter_fits_the_platform(project) -> None:
    answers = answers_of(project)
    platform = answers["blog_platform"]
    if platform == "markdown":  # GitHub shows front matter as a table: none, a title
        text = project.read(draft_of(project))
        assert not FRONT_MATTER.match(text)
        assert text.startswith(f"# #{answers['project_number']:03d}: ")
        return
    matter = front_matter(project)
    assert matter["title"] == answers["project_title"]
    if platform == "devto":
        assert matter["published"] is False
        tags = [tag.strip() for tag in matter["tags"].split(",")]
        assert len(tags) <= 4
        assert all(re.fullmatch("[a-z0-9]+", tag) for tag in tags), tags
    elif platform == "medium":
        assert matter["publishStatus"] == "draft"
        assert len(matter["tags"]) <= 5
    elif platform == "jekyll":
        assert matter["layout"] == "post"
        assert matter["published"] is False
    else:
        assert matter["draft"] is True
        assert matter["project_number"] == answers["project_number"]
    if platform in ("hugo", "jekyll"):
        assert "#100MLProjects" in str(matter["series"])
    if platform in ("devto", "medium"):  # the site shows the title above the body
        text = project.read(draft_of(project))
        body = text[FRONT_MATTER.match(text).end() :]
        assert not re.search("^# ", body, flags=re.MULTILINE)


ADVANCED_VARIANTS = [
    name for name, answers in VARIANTS.items() if answers.get("tier") == "advanced"
]


@pytest.mark.parametrize("name", ADVANCED_VARIANTS)
def test_model_card_front_matter_is_hugging_face_metadata(name, rendered) -> None:
    project = rendered(name, **VARIANTS[name])
    answers = yaml.safe_load(project.read(".copier-answers.yml"))
    match = FRONT_MATTER.match(project.read("MODEL_CARD.md"))
    assert match, "the model card starts with a --- metadata block"
    metadata = yaml.safe_load(match.group(1))
    assert metadata["library_name"] == "pytorch"
    assert metadata.get("license") == (
        None if answers["license"] == "none" else answers["license"].lower()
    )
    assert "lightning" in metadata["tags"]


def test_no_phrase_is_left_empty(project) -> None:
    """The kind's parts fill every sentence of the files made from fragments."""
    for name in ["README.md", "MODEL_CARD.md", "configs/default.yaml"]:
        if project.has_file(name):
            assert EMPTY_PHRASE.findall(project.read(name)) == [], name


def test_results_block_is_ready_for_report(project) -> None:
    documents = [draft_of(project), "README.md"]
    if project.has_file("MODEL_CARD.md"):
        documents.append("MODEL_CARD.md")
    for relative in documents:
        text = project.read(relative)
        assert text.count("<!-- results:start -->") == 1
        assert text.index("<!-- results:start -->") < text.index("<!-- results:end -->")
        # An empty line after the start and before the end: kramdown (Jekyll) reads a
        # table right after an HTML comment line as text.
        assert "<!-- results:start -->\n\n" in text
        assert "\n\n<!-- results:end -->" in text


def test_hostile_answers_round_trip(rendered) -> None:
    project = rendered("hostile-title", **VARIANTS["hostile-title"])
    pyproject = tomllib.loads(project.read("pyproject.toml"))
    assert pyproject["project"]["description"].endswith(HOSTILE_TITLE)
    assert (
        pyproject["project"]["authors"][0]["name"]
        == VARIANTS["hostile-title"]["author_name"]
    )
    assert front_matter(project)["title"] == HOSTILE_TITLE
    answers = yaml.safe_load(project.read(".copier-answers.yml"))
    assert answers["project_title"] == HOSTILE_TITLE
    assert answers["project_slug"] == "042-dogs-vs-cats-it-s-if-b-1-b-cafe"
    # In Markdown the title shows as typed: no live HTML, no heading-breaking #.
    assert "<b>" not in project.read("README.md")


def test_csv_is_copied_into_data_raw(rendered) -> None:
    project = rendered(
        "beginner-csv-classification", **VARIANTS["beginner-csv-classification"]
    )
    copied = project.read("data/raw/customer-churn.csv")
    with open(project.answers["csv_path"], encoding="utf-8") as original:
        assert copied == original.read()
    facts = yaml.safe_load(project.read("configs/project.yaml"))["project"]
    assert facts["csv_file"] == "data/raw/customer-churn.csv"


@pytest.mark.parametrize(
    ("address", "raw"),
    [
        (
            "https://github.com/ada/iris",
            "https://raw.githubusercontent.com/ada/iris/main/reports/figures/a%20b.png",
        ),
        (
            "https://gitlab.com/ada/iris-on-medium",
            "https://gitlab.com/ada/iris-on-medium/-/raw/main/reports/figures/a%20b.png",
        ),
        (
            "https://bitbucket.org/ada/iris.git",
            "https://bitbucket.org/ada/iris/raw/main/reports/figures/a%20b.png",
        ),
    ],
)
def test_hosted_drafts_load_figures_from_the_host_s_raw_address(
    address, raw, rendered, copy_of, tmp_path
):
    """dev.to and Medium keep only text: each host serves a pushed file elsewhere."""
    project = copy_of(
        rendered("medium-gitlab", **VARIANTS["medium-gitlab"]), tmp_path / "p"
    )
    config = project.path / "configs" / "project.yaml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^  repository_url: .*$", f"  repository_url: {address}", text)
    config.write_text(text, encoding="utf-8")
    code = (
        "from {0}._ladder.core.settings import load_settings\n"
        "from {0}._ladder.core.paths import Paths\n"
        "from {0}._ladder.core.publish import Blog\n"
        "blog = Blog(Paths().root, load_settings(Paths()).project)\n"
        "print(blog.raw_url('reports/figures/a b.png'))\n"
    )
    result = project.run(sys.executable, "-c", code.format(project.package))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == raw


# Targets other targets run: not for the learner to type.
INNER_TARGETS = {"train-and-evaluate"}


@pytest.mark.parametrize("tier", TIERS)
def test_make_alone_lists_every_target_with_what_it_does(
    tier, rendered, copy_of, tmp_path
) -> None:
    # A copy: a Makefile whose first target is `install` would install into it.
    project = copy_of(
        rendered(f"{tier}-iris", **VARIANTS[f"{tier}-iris"]), tmp_path / "p"
    )
    makefile = project.read("Makefile")
    targets = {
        target
        for line in re.findall(r"^\.PHONY: (.*)$", makefile, re.MULTILINE)
        for target in line.split()
    } - INNER_TARGETS
    # A learner's first `make`, before `make install` has brought uv.
    result = project.run("make", env={"PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stdout + result.stderr
    listed = dict(re.findall(r"^  ([a-z-]+) +(\S.*)$", result.stdout, re.MULTILINE))
    assert listed.keys() == targets
    assert listed["all"] == "the whole run, from a look at the data to a filled draft"
    assert result.stdout == project.run("make", "help").stdout
