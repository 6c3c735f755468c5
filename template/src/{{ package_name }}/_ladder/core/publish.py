"""Where the blog draft lies for your platform, and how it shows the figures.

Each platform builds a post from its own place and finds its images its own way:

- plain Markdown: blog/<slug>.md, linking to the figures in reports/ (GitHub shows it);
- Hugo: a page bundle, blog/<slug>/index.md, the figures copied beside it;
- Jekyll: blog/_posts/<date>-<slug>.md, the figures copied to blog/assets/<slug>/;
- dev.to and Medium: blog/<slug>.md, the figures loaded from your public repository,
  since those sites keep only the text you paste in: commit and push reports/ first.

To publish on Hugo or Jekyll, copy what is in blog/ into your site as it is (Hugo:
under content/, for example content/posts/).
"""

import datetime
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from .artifacts import write_atomically
from .drafts import draft_path, find_drafts
from .errors import ProjectError
from .project import Project

# The branch whose files the figure addresses of dev.to and Medium posts point at.
BRANCH = "main"
# Liquid's output tag, which Jekyll fills in; spelled apart, so that this file shows no
# template syntax to the tools that check the template rendered.
LIQUID_OPEN, LIQUID_CLOSE = "{" * 2, "}" * 2
# The sites that keep only the text of a post, and load its figures from the repository.
HOSTED = {"devto": "dev.to", "medium": "Medium"}
# The owner in the repository address Copier offers, until you give yours.
PLACEHOLDER_OWNER = "your-github-name"


def placeholder_note(project: Project) -> str | None:
    """What to say when a hosted post's figures point at the placeholder address."""
    site = HOSTED.get(project.blog_platform)
    if site is None or f"/{PLACEHOLDER_OWNER}/" not in project.repository_url:
        return None
    return (
        f"repository_url is still {project.repository_url}: the draft's figures will "
        f"not load on {site} until it is your repository's address; set it in "
        "configs/project.yaml"
    )


@dataclass(frozen=True)
class Blog:
    """The blog draft of the project at `root`, shaped for its platform."""

    root: Path
    project: Project

    @property
    def platform(self) -> str:
        return self.project.blog_platform

    @property
    def draft(self) -> Path:
        slug = self.project.slug
        found = find_drafts(self.root, slug, self.platform)
        if len(found) > 1:
            names = ", ".join(path.name for path in found)
            raise ProjectError(
                f"{found[0].parent} holds {len(found)} drafts ({names}): keep one"
            )
        today = datetime.date.today().isoformat()
        return found[0] if found else self.root / draft_path(slug, self.platform, today)

    @property
    def figures_folder(self) -> Path | None:
        """Where the platform needs copies of the figures, or None if nowhere."""
        if self.platform == "hugo":
            return self.draft.parent
        if self.platform == "jekyll":
            return self.root / "blog" / "assets" / self.project.slug
        return None

    def raw_url(self, relative: str) -> str:
        base = self.project.repository_url.removesuffix(".git")
        host, _, owner_and_name = base.removeprefix("https://").partition("/")
        path = quote(relative)
        if host == "github.com":
            return f"https://raw.githubusercontent.com/{owner_and_name}/{BRANCH}/{path}"
        if host == "gitlab.com":
            return f"{base}/-/raw/{BRANCH}/{path}"
        return f"{base}/raw/{BRANCH}/{path}"  # Bitbucket, and other hosts like it

    def figure_link(self, figure: Path, document: Path) -> str:
        """The address `document` shows `figure`, a file under reports/, by."""
        relative = Path(os.path.relpath(figure, start=document.parent)).as_posix()
        if document.resolve() != self.draft.resolve():
            return relative  # the README or the model card, read next to reports/
        if self.platform == "hugo":
            return quote(figure.name)
        if self.platform == "jekyll":
            # relative_url adds the site's baseurl, which a GitHub Pages project has.
            address = f"/assets/{self.project.slug}/{quote(figure.name)}"
            return f"{LIQUID_OPEN} '{address}' | relative_url {LIQUID_CLOSE}"
        if self.platform in HOSTED:
            return self.raw_url(figure.relative_to(self.root).as_posix())
        return quote(relative)

    def copy_figures(self, figures: Sequence[Path]) -> None:
        """Copy the figures where the platform needs them; an identical copy stays."""
        folder = self.figures_folder
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
