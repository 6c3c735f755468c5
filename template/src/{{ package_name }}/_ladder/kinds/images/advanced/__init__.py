"""The images kind's advanced part: the rows' (advanced/rows.py), with images shaped
as tensors and augmented (tensors.py), and pretrained weights fetched first."""

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ....advanced import rows
from ....core.data import Split
from ....core.errors import ProjectError
from ....core.settings import Settings


def check(settings: Settings) -> None:
    """The weights `network.backbone: resnet18` starts from, on this machine: a file
    of yours, or torchvision's ImageNet ones (`network.weights: DEFAULT`) downloaded
    once into $TORCH_HOME. Called before training, so a download that cannot happen
    stops the run in one line that says what to do, not in a traceback."""
    network = settings.network.as_dict()
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
    import torch
    from torchvision import models

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


def data_module(settings: Settings, split: Split) -> Any:
    """The rows' batches as images, the training ones augmented."""
    from . import tensors

    return rows.data_module(settings, split, tensors)
