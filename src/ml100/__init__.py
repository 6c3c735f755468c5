"""ml100, the hub: the `ml100` command for the whole #100MLProjects challenge.

A learner's projects live in a workspace: a folder of sibling project repositories, or
one git repository with a folder per project. The hub starts the next project (`new`),
shows them all (`status`, `portfolio`), brings them to a template release together
(`update-all`) and publishes every post as one site (`site`). It reads only what the
projects write (`.copier-answers.yml`, `configs/project.yaml`, `reports/metrics.json`,
the blog draft's front matter) and works through Copier's API and git.
"""
