"""Pretrained weights, fetched before training starts.

With `network.backbone: resnet18` and `network.weights: DEFAULT`, network.py builds a
ResNet-18 from torchvision's ImageNet weights: downloaded once, then kept in PyTorch's
cache (`torch.hub.get_dir()`, under $TORCH_HOME). `train` and `search` call `fetch`
before the Trainer starts, so a machine that cannot reach the download stops there,
with one line that says what to do, instead of a traceback from inside training.
"""

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import torch
from torchvision import models

from ....core.errors import ProjectError


def fetch(network: dict[str, Any]) -> None:
    """Make sure the weights the `network:` section asks for are on this machine."""
    if network.get("backbone") != "resnet18":
        return
    weights = str(network.get("weights"))
    if weights != "DEFAULT":
        if not Path(weights).is_file():
            raise ProjectError(
                f"network.weights: {weights} is not a file: give the path of a "
                "ResNet-18 state_dict saved with torch.save, or DEFAULT for "
                "torchvision's ImageNet weights (downloaded once)"
            )
        return
    pretrained = models.ResNet18_Weights.DEFAULT
    cache = Path(torch.hub.get_dir()) / "checkpoints"
    try:
        # Found in the cache, or downloaded into it (whole, or not at all).
        pretrained.get_state_dict(progress=False, check_hash=True)
    except OSError as error:  # no network, a proxy that refuses, a full disk, ...
        reason = getattr(error, "reason", None) or error
        raise ProjectError(
            f"network.weights DEFAULT: the ResNet-18 weights could not be downloaded "
            f"from {urlsplit(pretrained.url).hostname} ({reason}): connect to the "
            f"internet once (they are then kept in {cache}), or set network.weights "
            "to the path of a state_dict file"
        ) from None
