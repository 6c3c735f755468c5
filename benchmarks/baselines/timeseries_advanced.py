"""The advanced tier's time-series `train` as one plain script.

The same work as `python -m <package> train` in a default advanced time-series
project (co2), done with PyTorch directly, without Lightning: standardised changes in
windows of 36 months from the training period, the latest 20% of windows for
validation, the same GRU trained with AdamW and a cosine schedule for up to 100
epochs, stopping early on the validation loss and keeping the best epoch's weights;
then a recursive forecast of the last 24 months scored next to the seasonal naive,
the weights, history and figures saved. Then, as the advanced `train` does, the
intermediate tier's search of the classical forecasters:
benchmarks/baselines/timeseries_intermediate.py, run in this process.
Usage: python benchmarks/baselines/timeseries_advanced.py OUTPUT_FOLDER
"""

import copy
import json
import runpy
import sys
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import torch
from timeseries_common import HORIZON, SEED, load_series, scores, seasonal_naive
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

LENGTH, MAX_EPOCHS, PATIENCE, BATCH = 36, 100, 20, 32
torch.manual_seed(SEED)
torch.set_num_threads(1)


class SequenceNetwork(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.recurrent = nn.GRU(1, 32, batch_first=True)
        self.head = nn.Linear(32, 1)

    def forward(self, windows):
        outputs, _ = self.recurrent(windows)
        return self.head(outputs[:, -1]).squeeze(-1)


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

network = SequenceNetwork()
optimizer = torch.optim.AdamW(network.parameters(), lr=0.003, weight_decay=0.0001)
schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=100)
loss_of = nn.MSELoss()
history, best_loss, best_state, waited = [], float("inf"), None, 0
for epoch in range(MAX_EPOCHS):
    network.train()
    for batch_inputs, batch_targets in train_loader:
        optimizer.zero_grad()
        loss = loss_of(network(batch_inputs), batch_targets)
        loss.backward()
        optimizer.step()
    schedule.step()
    network.eval()
    with torch.no_grad():
        val_loss = float(
            np.mean([loss_of(network(x), y).item() for x, y in val_loader])
        )
    history.append({"epoch": epoch, "val_loss": val_loss})
    if val_loss < best_loss:
        best_loss, best_state, waited = val_loss, copy.deepcopy(network.state_dict()), 0
    else:
        waited += 1
        if waited >= PATIENCE:
            break
network.load_state_dict(best_state)
torch.save(best_state, output / "model.ckpt")

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
pd.DataFrame(history).to_csv(output / "history.csv", index=False)
figure, axes = plt.subplots(figsize=(13, 4), layout="constrained")
axes.plot([row["val_loss"] for row in history])
figure.savefig(output / "training_curves.png", dpi=120)
figure, axes = plt.subplots(figsize=(10, 4.5), layout="constrained")
axes.plot(test.index, test, label="actual (test)")
axes.plot(test.index, forecast, label="network")
axes.legend()
figure.savefig(output / "forecast_network.png", dpi=120)
(output / "network_metrics.json").write_text(json.dumps(metrics, indent=2))
print(f"network test mase {metrics['model']['mase']:.3f}")

runpy.run_path(str(Path(__file__).with_name("timeseries_intermediate.py")))
