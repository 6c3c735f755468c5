"""The trained network outside Lightning (PyTorch only: `evaluate` and `predict`
start in a moment): the spec that rebuilds it, its checkpoint loaded safely
(`weights_only=True`: a checkpoint from someone else cannot run code here), and its
predictions behind a scikit-learn model's `feature_names_in_` and `predict(X)`, so
the advanced tier scores and predicts with the same code as every other tier.
"""

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import torch
from sklearn.compose import ColumnTransformer
from torch import nn

from ...network import build_network
from ..core.artifacts import warn_if_changed
from ..core.errors import ProjectError

# Rows scored at once: enough to be fast, few enough for a large CSV to fit in memory.
PREDICT_BATCH = 4096
REQUIRED_KEYS = ("state_dict", "network_spec")
# The libraries a checkpoint depends on: LitNetwork records their versions in it.
NETWORK_LIBRARIES = ("torch", "lightning")
# LitNetwork keeps the network as its `network` attribute: its weights' prefix.
PREFIX = "network."


@dataclass(frozen=True)
class NetworkSpec:
    """What rebuilds the network and turns its outputs into predictions; saved in
    each checkpoint as plain values, so a checkpoint alone rebuilds its network."""

    task: str
    # The shape of one preprocessed row, and the network's outputs per row.
    input_shape: tuple[int, ...]
    n_outputs: int
    # The `network:` section: build_network's own arguments.
    network: dict[str, Any]
    # Classification: the class names, in the order of the network's outputs.
    classes: tuple[str, ...] = ()
    # Regression: the network learns (y - target_mean) / target_std.
    target_mean: float = 0.0
    target_std: float = 1.0

    def build(self) -> nn.Module:
        """network.py's network, with fresh weights."""
        return build_network(self.input_shape, self.n_outputs, **self.network)

    def as_dict(self) -> dict[str, Any]:
        # Through JSON: tuples become lists, and nothing but plain values remains.
        return json.loads(json.dumps(asdict(self)))

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> "NetworkSpec":
        shape, classes = tuple(values["input_shape"]), tuple(values["classes"])
        return cls(**{**values, "input_shape": shape, "classes": classes})


def to_features(
    preprocessor: ColumnTransformer,
    X: pd.DataFrame,
    shape: tuple[int, ...] | None = None,
) -> torch.Tensor:
    """Rows of a table -> the float tensor the network reads: (rows, features), or
    (rows, *shape) when each row is more, e.g. an image (channels, height, width)."""
    features = torch.as_tensor(np.asarray(preprocessor.transform(X), dtype="float32"))
    return features if shape is None else features.reshape(-1, *shape)


class NetworkPredictor:
    """A network and its preprocessing, with a scikit-learn model's `predict(X)`."""

    def __init__(
        self, network: nn.Module, preprocessor: ColumnTransformer, spec: NetworkSpec
    ) -> None:
        # Evaluation mode: dropout off, so the same row always gets the same answer.
        self.network = network.eval()
        self.preprocessor = preprocessor
        self.spec = spec

    @property
    def feature_names_in_(self) -> np.ndarray:  # the columns a row needs
        return self.preprocessor.feature_names_in_

    @torch.no_grad()
    def predict(self, X: pd.DataFrame) -> np.ndarray:
        """The class name, or the number in the target's units, for each row of X."""
        features = to_features(self.preprocessor, X, self.spec.input_shape)
        outputs = torch.cat(
            [self.network(part) for part in features.split(PREDICT_BATCH)]
        )
        if self.spec.task == "classification":
            return np.asarray(self.spec.classes)[outputs.argmax(dim=1).numpy()]
        values = outputs.squeeze(-1).numpy()
        return values * self.spec.target_std + self.spec.target_mean


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
    """The network saved at `path`, its spec, and the checkpoint."""
    checkpoint = read_checkpoint(path)
    return *rebuild(path, checkpoint, NetworkSpec.from_dict), checkpoint


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
