"""Which fragment of a shared file a kind's project gets (template/fragments/).

configs/default.yaml is a short skeleton that includes what differs by kind from
template/fragments/<part>/<kind>.<ext>[.jinja]: one file per kind in every part
folder, named after the kind in catalogue.yml. The skeleton keeps what every kind
shares, and the tiers' ladder: a tier adds its part under `{% if tier ... %}`, never
under a kind's name. Adding a kind is adding its file to each part folder.

configs/<tier>/<kind>.yaml.jinja holds the sections the tier adds for that kind, as
whole YAML blocks. What a tier's sections share across kinds lies beside the folder
(configs/<tier>.yaml.jinja) and the kind's file extends it (Jinja's `extends`),
filling its blocks: the kind writes only what is its own.
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
