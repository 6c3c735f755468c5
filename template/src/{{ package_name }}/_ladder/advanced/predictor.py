"""The trained network behind the same interface as a scikit-learn model
(`feature_names_in_` and `predict(X)`), so the advanced tier scores and predicts with
the very same code as every other tier. PyTorch only, never Lightning: predicting
starts in a moment.
"""

import json
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import pandas as pd
import torch
from sklearn.compose import ColumnTransformer
from torch import nn

from ...network import build_network

# Rows scored at once: enough to be fast, few enough for a large CSV to fit in memory.
PREDICT_BATCH = 4096


@dataclass(frozen=True)
class NetworkSpec:
    """What rebuilds the network and turns its outputs into predictions.

    Saved in each checkpoint as plain values (`as_dict`), so a checkpoint alone
    rebuilds its network, and loads with `torch.load(..., weights_only=True)`.
    """

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
        return cls(
            **{
                **values,
                "input_shape": tuple(values["input_shape"]),
                "classes": tuple(values["classes"]),
            }
        )


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
    def feature_names_in_(self) -> np.ndarray:
        """The columns a row needs, as the preprocessor saw them in training."""
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
