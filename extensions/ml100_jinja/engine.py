"""The engine's modules the template shares with every project it makes, loaded from
their place in template/ (plain Python, no Jinja, standard library only): the prompt
runs the very code a project runs, so both say the same."""

from __future__ import annotations

from importlib.util import module_from_spec, spec_from_file_location
from pathlib import Path
from types import ModuleType

ENGINE = Path("template", "src", "{{ package_name }}", "_ladder")


def engine_module(name: str) -> ModuleType:
    """The engine's core/<name>.py, as a module of this package."""
    path = Path(__file__).resolve().parents[2] / ENGINE / "core" / f"{name}.py"
    spec = spec_from_file_location(f"{__package__}.{name}", path)
    module = module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Where the blog draft lies: one rule for the template, the engine and the hub
# (src/ml100/drafts.py links to it).
drafts = engine_module("drafts")
# What data a project can learn from: checked at the prompt as at `train`.
data_checks = engine_module("data_checks")
