"""Where a project's blog draft lies, for each platform's site generator.

One rule, in three places, so the standard library only: `report` finds the draft
with it, the template names the draft with it (its Jinja extension reads this file),
and the hub finds each project's post with it (ml100/drafts.py is this file).

- Hugo: a page bundle, blog/<slug>/index.md, the post and its figures side by side;
- Jekyll: blog/_posts/<date>-<slug>.md, since Jekyll builds only dated posts; the date
  is the day the project was made, and the learner may rename it to the day they
  publish, so a draft is found by its slug under any date;
- plain Markdown, dev.to and Medium: blog/<slug>.md.
"""

from pathlib import Path, PurePosixPath

# A Jekyll post's date, as a glob: YYYY-MM-DD.
JEKYLL_DATE = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"


def draft_path(slug: str, platform: str, date: str) -> PurePosixPath:
    """Where a new draft goes, relative to the project's root; `date` is YYYY-MM-DD."""
    blog = PurePosixPath("blog")
    if platform == "hugo":
        return blog / slug / "index.md"
    if platform == "jekyll":
        return blog / "_posts" / f"{date}-{slug}.md"
    return blog / f"{slug}.md"


def find_drafts(root: Path, slug: str, platform: str) -> list[Path]:
    """The drafts the project at `root` holds, oldest date first (Jekyll may hold
    more than one; the other platforms one at most)."""
    pattern = draft_path(slug, platform, JEKYLL_DATE)
    return sorted(path for path in root.glob(str(pattern)) if path.is_file())
