"""`ml100 site --pages-workflow`: a GitHub Actions workflow that builds the site on
every push to main and publishes it with GitHub Pages, for a workspace that is one
repository. It installs this hub with pip from the template's address, as the learner
did, so the site CI builds is the one `ml100 site` builds here."""

from pathlib import Path

from .errors import HubError
from .new import template_source
from .releases import git_address
from .workspace import Layout, Workspace

WORKFLOW = ".github/workflows/site.yml"
# GitHub's own actions for Pages, at their current major versions.
TEMPLATE = """\
# Builds every post and the portfolio into one site with `ml100 site`, and publishes it
# with GitHub Pages (Settings > Pages > Source: GitHub Actions). Written by ml100.
name: site
on:
  push:
    branches: [main]
  workflow_dispatch:
permissions:
  contents: read
  pages: write
  id-token: write
concurrency:
  group: pages
  cancel-in-progress: true
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
      - uses: actions/setup-python@v6
        with:
          python-version: "3.12"
      - run: pip install "ml100 @ git+{address}"
      - run: ml100 site --out _site
      - uses: actions/upload-pages-artifact@v4
        with:
          path: _site
  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{{{ steps.deployment.outputs.page_url }}}}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v5
"""


def hub_address(workspace: Workspace, given: str | None) -> str:
    """The git address pip installs the hub from: `given`, else the template's."""
    try:
        source = given or template_source(workspace, None)
    except HubError:
        raise HubError(
            "where does CI install ml100 from? Pass --hub-from gh:<owner>/ml100"
        ) from None
    address = git_address(source)
    if "://" not in address and "@" not in address:
        raise HubError(
            f"the template is a folder on this machine ({source}), which CI cannot "
            "reach: pass --hub-from with its public address (gh:<owner>/ml100)"
        )
    return address


def write_workflow(workspace: Workspace, hub_from: str | None) -> Path:
    if workspace.layout is not Layout.REPOSITORY:
        raise HubError(
            f"a Pages workflow needs the workspace to be one git repository: "
            f"{workspace.root} has no .git"
        )
    path = workspace.root / WORKFLOW
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        TEMPLATE.format(address=hub_address(workspace, hub_from)), encoding="utf-8"
    )
    return path
