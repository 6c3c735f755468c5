"""The clustering kind's advanced `train` as one plain script.

The same work as `python -m <package> train` in a default advanced clustering project
(iris, labels hidden): an autoencoder (4-16-3-16-4) trained by Lightning (AdamW,
early stopping on the validation loss, best and last checkpoints, a CSV log) for up to
150 epochs, KMeans on its embedding, its reconstruction error as anomaly score; the
intermediate search beside it; both scored against random assignment, described,
drawn and saved.
Usage: python benchmarks/baselines/clustering_advanced.py OUTPUT_FOLDER
"""

import sys
from pathlib import Path

import lightning as L
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import skops.io as sio
import torch
from sklearn.cluster import KMeans
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from clustering_common import (
    against_chance,
    describe,
    iris_rows,
    search_and_refit,
    write_metrics,
)
from common import build_preprocessor
from trainer import history_of, lightning_trainer


class LitAutoencoder(L.LightningModule):
    def __init__(self, n_inputs: int) -> None:
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Linear(n_inputs, 16), nn.ReLU(), nn.Linear(16, 3)
        )
        self.decoder = nn.Sequential(
            nn.Linear(3, 16), nn.ReLU(), nn.Linear(16, n_inputs)
        )

    def forward(self, x):
        return self.decoder(self.encoder(x))

    def step(self, batch, stage: str):
        (rows,) = batch
        rebuilt = self(rows)
        loss = nn.functional.mse_loss(rebuilt, rows)
        self.log(f"{stage}_loss", loss, on_epoch=True, on_step=False)
        self.log(f"{stage}_mae", (rebuilt - rows).abs().mean(), on_epoch=True)
        return loss

    def training_step(self, batch, index):
        return self.step(batch, "train")

    def validation_step(self, batch, index):
        self.step(batch, "val")

    def configure_optimizers(self):
        return torch.optim.AdamW(self.parameters(), lr=0.01, weight_decay=0.0001)


output = Path(sys.argv[1])
torch.set_num_threads(1)
L.seed_everything(42, verbose=False)
X_train, X_test, labels_train, labels_test = iris_rows()
fit_rows, val_rows = train_test_split(X_train, test_size=0.2, random_state=42)
preprocessor = build_preprocessor(sparse_threshold=0.0).fit(fit_rows)


def tensor(X):
    return torch.as_tensor(np.asarray(preprocessor.transform(X), dtype="float32"))


loaders = [
    DataLoader(TensorDataset(tensor(rows)), batch_size=32, shuffle=shuffle)
    for rows, shuffle in ((fit_rows, True), (val_rows, False))
]
# Lightning prints its model summary here, as it does by default.
trainer, checkpoints = lightning_trainer(output, 150, 20, model_summary=True)
network = LitAutoencoder(tensor(fit_rows).shape[1])
trainer.fit(network, *loaders)
network = LitAutoencoder.load_from_checkpoint(
    checkpoints.best_model_path, n_inputs=network.encoder[0].in_features
).eval()
with torch.no_grad():
    kmeans = KMeans(n_clusters=3, n_init=10, random_state=42)
    kmeans.fit(network.encoder(tensor(X_train)).numpy())
    X = pd.concat([X_train, X_test])
    inputs = tensor(X)
    clusters = kmeans.predict(network.encoder(inputs).numpy())
    anomaly = ((network(inputs) - inputs) ** 2).mean(dim=1).numpy()
classical = search_and_refit(X_train, output)

n_train = len(X_train)
features_all = inputs.numpy()
metrics = against_chance(features_all[n_train:], clusters[n_train:], labels_test)
metrics["best_classical"] = against_chance(
    features_all[n_train:], classical.predict(X_test), labels_test
)["model"]
labels = pd.concat([labels_train, labels_test])
metrics |= describe(X, features_all, clusters, anomaly, labels, n_train, output)
history_of(trainer)[["train_loss", "val_loss"]].plot()
plt.savefig(output / "training_curves.png", dpi=120)
sio.dump(preprocessor, output / "preprocessor.skops")
sio.dump(kmeans, output / "embedding_kmeans.skops")
sio.dump(classical, output / "model.skops")
write_metrics(output, metrics)
