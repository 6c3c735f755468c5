"""Which fragment of a shared file a kind's project gets (template/fragments/).

configs/default.yaml, README.md and MODEL_CARD.md are short skeletons: they keep what
every kind shares, and the tiers' ladder (a tier adds its part under
`{% if tier ... %}`, never under a kind's name), and take what differs by kind from
template/fragments/<part>/<kind>.<ext>.jinja, one file per kind in each part folder,
named after the kind in catalogue.yml. copier.yml excludes the folder from projects.
Adding a kind is adding its file to each part folder (tests/test_fragments.py holds
every kind of the catalogue to that); no shared file names a kind.

Two shapes, each suited to its file:

- configs/<tier>/<kind>.yaml.jinja: the sections the tier adds for that kind, whole
  YAML blocks, as the learner reads them. A config differs by kind in whole sections,
  and where a tier's sections are shared (the search, the Trainer, the optimizer)
  only in a few values: those sections lie once in the tier's layout beside the
  folder, configs/<tier>.yaml.jinja, and the kind's file extends it (Jinja's
  `extends`), filling its blocks (the network's keys, the epochs, ...). A kind whose
  sections share nothing with the layout (clustering's autoencoder) writes them whole.
  So a tier's section is written once, and a kind's value sits in the kind's file.
- readme/<kind>.md.jinja, model_card/<kind>.md.jinja: prose differs by kind in
  phrases, often mid-sentence, where an included file (which ends with a line
  break) cannot go. The kind's file defines Jinja macros, the same names in every
  kind's file, which the skeleton imports as `this_kind` and calls in place. What a
  tier adds to the README (its experiments, training anywhere) lies in
  readme/tiers/<tier>.md.jinja, included under the tier's condition.

Facts a kind shares between files (the first key to override, the first experiment)
are the catalogue's (`first_try`), not a fragment's.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FRAGMENTS = ROOT / "template" / "fragments"


def fragment(part: str, kind: str) -> str:
    """The template file, from the template's root, that holds `part` (e.g.
    "configs/advanced", "readme") for a `kind` project."""
    found = sorted((FRAGMENTS / part).glob(f"{kind}.*"))
    if len(found) != 1:
        wanted = f"template/fragments/{part}/{kind}.*"
        raise FileNotFoundError(
            f"no {wanted}" if not found else f"{len(found)} files match {wanted}"
        )
    return found[0].relative_to(ROOT).as_posix()
