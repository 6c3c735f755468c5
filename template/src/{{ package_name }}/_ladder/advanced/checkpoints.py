"""Load checkpoints safely: tensors and plain values only, never code.

A Lightning checkpoint is a dict saved with `torch.save`: the network's weights
(`state_dict`), the `NetworkSpec` that rebuilds it (`network_spec`), the configuration
it was trained with, the versions of torch and Lightning it was made with (`versions`),
and the state of the optimizer and callbacks for resuming.
Loading with `weights_only=True` refuses anything else, so a checkpoint from someone
else cannot run code on your machine. No Lightning here: `evaluate` and `predict`
need the weights only.
"""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import torch

from ..core.artifacts import warn_if_changed
from ..core.errors import ProjectError
from .predictor import NetworkSpec

REQUIRED_KEYS = ("state_dict", "network_spec")
# The libraries a checkpoint depends on: LitNetwork records their versions in it.
NETWORK_LIBRARIES = ("torch", "lightning")
# LitNetwork keeps the network as its `network` attribute: its weights' prefix.
PREFIX = "network."


def read_checkpoint(path: Path) -> dict[str, Any]:
    """The checkpoint at `path` as a dict; a missing, corrupt or foreign file is
    refused with one line saying so."""
    if not path.is_file():
        raise ProjectError(f"{path} not found: run `train` first")
    try:
        checkpoint = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as error:  # a damaged zip, a pickle, code: all refused alike
        raise ProjectError(
            f"{path} is not a checkpoint saved by `train` ({type(error).__name__}): "
            "delete it and run `train` again"
        ) from None
    if not isinstance(checkpoint, dict) or not set(REQUIRED_KEYS) <= set(checkpoint):
        raise ProjectError(
            f"{path} is not a checkpoint of this project's network (it lacks "
            f"{' and '.join(REQUIRED_KEYS)}): run `train` again"
        )
    warn_if_changed(checkpoint.get("versions", {}), path)
    return checkpoint


def load_network(path: Path) -> tuple[torch.nn.Module, NetworkSpec, dict[str, Any]]:
    """The network saved at `path`, its spec, and the checkpoint it came from."""
    checkpoint = read_checkpoint(path)
    network, spec = rebuild(path, checkpoint, NetworkSpec.from_dict)
    return network, spec, checkpoint


def rebuild(
    path: Path, checkpoint: dict[str, Any], read_spec: Callable[[Any], Any]
) -> tuple[torch.nn.Module, Any]:
    """The network of `checkpoint`, built from its spec (`read_spec` reads it) with
    its weights loaded, in evaluation mode; one line if they do not fit."""
    try:
        spec = read_spec(checkpoint["network_spec"])
        network = spec.build()
        weights = {
            name.removeprefix(PREFIX): tensor
            for name, tensor in checkpoint["state_dict"].items()
            if name.startswith(PREFIX)
        }
        network.load_state_dict(weights)
    except (TypeError, KeyError, ValueError, RuntimeError) as error:
        raise ProjectError(
            f"{path} does not fit this project's network ({type(error).__name__}): "
            "was it trained with an older network.py? Run `train` again"
        ) from None
    # Evaluation mode: dropout off, so the same input always gives the same output.
    return network.eval(), spec
