"""The advanced tier's time-series `train` as one plain script.

The same work as `python -m <package> train` in a default advanced time-series
project (co2), done with the libraries directly, Lightning among them as the tier
asks: standardised changes in windows of 36 months from the training period, the
latest 20% of windows for validation, the same GRU trained by Lightning with AdamW
and a cosine schedule for up to 100 epochs, stopping early on the validation loss
(patience 20), with best and last checkpoints and a CSV log (trainer.py); then a
recursive forecast of the last 24 months from the best epoch, scored next to the
seasonal naive, the history and figures saved. Then, as the advanced `train` does, the
intermediate tier's search of the classical forecasters:
benchmarks/baselines/timeseries_intermediate.py, run in this process.
Usage: python benchmarks/baselines/timeseries_advanced.py OUTPUT_FOLDER
"""

import runpy
import sys
from pathlib import Path

import lightning as L
import matplotlib.pyplot as plt
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from torchmetrics.regression import MeanAbsoluteError

from common import write_json
from timeseries_common import HORIZON, SEED, load_series, scores, seasonal_naive
from trainer import history_of, lightning_trainer

LENGTH, MAX_EPOCHS, PATIENCE, BATCH = 36, 100, 20, 32
torch.set_num_threads(1)


class SequenceNetwork(L.LightningModule):
    def __init__(self) -> None:
        super().__init__()
        self.recurrent = nn.GRU(1, 32, batch_first=True)
        self.head = nn.Linear(32, 1)
        self.loss = nn.MSELoss()
        self.val_mae = MeanAbsoluteError()

    def forward(self, windows):
        outputs, _ = self.recurrent(windows)
        return self.head(outputs[:, -1]).squeeze(-1)

    def training_step(self, batch, _):
        inputs, targets = batch
        loss = self.loss(self(inputs), targets)
        self.log("train_loss", loss, on_epoch=True, on_step=False)
        return loss

    def validation_step(self, batch, _):
        inputs, targets = batch
        outputs = self(inputs)
        self.log("val_loss", self.loss(outputs, targets), on_epoch=True)
        self.val_mae.update(outputs, targets)
        self.log("val_mae", self.val_mae, on_epoch=True)

    def configure_optimizers(self):
        optimizer = torch.optim.AdamW(self.parameters(), lr=0.003, weight_decay=0.0001)
        schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=100)
        return {"optimizer": optimizer, "lr_scheduler": schedule}


L.seed_everything(SEED, verbose=False)
output = Path(sys.argv[1])
series = load_series()
train, test = series.iloc[:-HORIZON], series.iloc[-HORIZON:]
changes = train.diff().dropna().to_numpy()
mean, std = changes.mean(), changes.std()
scaled = (changes - mean) / std
inputs = torch.tensor(
    np.stack([scaled[i : i + LENGTH] for i in range(len(scaled) - LENGTH)]),
    dtype=torch.float32,
).unsqueeze(-1)
targets = torch.tensor(scaled[LENGTH:], dtype=torch.float32)
cut = len(targets) - round(len(targets) * 0.2)
train_loader = DataLoader(
    TensorDataset(inputs[:cut], targets[:cut]), batch_size=BATCH, shuffle=True
)
val_loader = DataLoader(TensorDataset(inputs[cut:], targets[cut:]), batch_size=BATCH)

trainer, checkpoint = lightning_trainer(output, MAX_EPOCHS, PATIENCE)
trainer.fit(SequenceNetwork(), train_loader, val_loader)
network = SequenceNetwork.load_from_checkpoint(
    checkpoint.best_model_path, weights_only=True
)
history = history_of(trainer)

network.eval()
window, level, forecast = list(scaled[-LENGTH:]), float(train.iloc[-1]), []
with torch.no_grad():
    for _ in range(HORIZON):
        step = network(torch.tensor(window, dtype=torch.float32).reshape(1, -1, 1))
        level += float(step) * std + mean
        forecast.append(level)
        window = [*window[1:], float(step)]
naive = seasonal_naive(train, HORIZON)
metrics = {
    "model": scores(train, test, forecast),
    "baseline": scores(train, test, naive),
}
history.to_csv(output / "history.csv")
figure, axes = plt.subplots(figsize=(13, 4), layout="constrained")
axes.plot(history.index, history["val_loss"])
figure.savefig(output / "training_curves.png", dpi=120)
figure, axes = plt.subplots(figsize=(10, 4.5), layout="constrained")
axes.plot(test.index, test, label="actual (test)")
axes.plot(test.index, forecast, label="network")
axes.legend()
figure.savefig(output / "forecast_network.png", dpi=120)
write_json(output / "network_metrics.json", metrics)
print(f"network test mase {metrics['model']['mase']:.3f}")

runpy.run_path(str(Path(__file__).with_name("timeseries_intermediate.py")))
