"""The autoencoder as a clustering model with what the kind's steps ask of a model
(`predict`, `features`, `anomaly_scores`): PyTorch and the preprocessing, no
Lightning, so `predict` starts in a moment.
"""

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import torch
from sklearn.cluster import KMeans
from sklearn.compose import ColumnTransformer

from .....network import Autoencoder, build_network
from ....advanced.predictor import read_checkpoint, rebuild, to_features


@dataclass(frozen=True)
class AutoencoderSpec:
    """What rebuilds the autoencoder: saved in each checkpoint as plain values."""

    n_inputs: int
    # The `network:` section: build_network's own arguments.
    network: dict[str, Any]

    def build(self) -> Autoencoder:
        return build_network(self.n_inputs, **self.network)

    def as_dict(self) -> dict[str, Any]:
        # Through JSON: tuples become lists, and nothing but plain values remains.
        return json.loads(json.dumps(asdict(self)))


def load_autoencoder(path: Path) -> tuple[Autoencoder, dict[str, Any]]:
    """The autoencoder saved at `path` (weights, never code), and its checkpoint."""
    checkpoint = read_checkpoint(path)
    network, _ = rebuild(path, checkpoint, lambda spec: AutoencoderSpec(**spec))
    return network, checkpoint


@dataclass(frozen=True)
class EmbeddingClusterer:
    """KMeans on the embedding of load_autoencoder's network (in evaluation mode)."""

    network: Autoencoder
    preprocessor: ColumnTransformer
    kmeans: KMeans

    @property
    def feature_names_in_(self) -> np.ndarray:
        return self.preprocessor.feature_names_in_

    def features(self, X: pd.DataFrame) -> np.ndarray:
        return to_features(self.preprocessor, X).numpy()

    @torch.no_grad()
    def embed(self, X: pd.DataFrame) -> np.ndarray:
        return self.network.encode(to_features(self.preprocessor, X)).numpy()

    def predict(self, X: pd.DataFrame) -> np.ndarray:
        return self.kmeans.predict(self.embed(X))

    @torch.no_grad()
    def anomaly_scores(self, X: pd.DataFrame) -> np.ndarray:
        """Each row's reconstruction error (mean squared, in scaled units)."""
        inputs = to_features(self.preprocessor, X)
        return ((self.network(inputs) - inputs) ** 2).mean(dim=1).numpy()

    @property
    def n_clusters(self) -> int:
        return int(self.kmeans.n_clusters)


def cluster_embedding(
    network: Autoencoder, preprocessor: ColumnTransformer, X: pd.DataFrame, **kmeans
) -> EmbeddingClusterer:
    clusterer = EmbeddingClusterer(network, preprocessor, KMeans(n_init=10, **kmeans))
    clusterer.kmeans.fit(clusterer.embed(X))
    return clusterer
