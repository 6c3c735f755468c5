"""Sliding windows of the training period's standardised changes, each with the
next change as target; the latest `val_size` share picks the best epoch (a split by
time). `NetworkForecaster` forecasts step by step, each forecast joining the window.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import TensorDataset

from ....advanced.datamodule import BatchedData, Batches
from ....advanced.predictor import NetworkSpec
from ....core.errors import ProjectError
from ..forecasters import future_dates


def windows_of(changes: np.ndarray, length: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Every window of `length` changes, shaped (windows, length, 1), and the next."""
    inputs = np.lib.stride_tricks.sliding_window_view(changes[:-1], length)
    return (
        torch.tensor(inputs, dtype=torch.float32).unsqueeze(-1),
        torch.as_tensor(changes[length:], dtype=torch.float32),
    )


class WindowDataModule(BatchedData):
    """Training and validation windows from the training period, by time."""

    def __init__(self, train: pd.Series, length: int, batches: Batches) -> None:
        super().__init__()
        changes = train.diff().dropna().to_numpy(dtype=float)
        if len(changes) < length + 4:
            raise ProjectError(
                f"window.length is {length}, but the training period has "
                f"{len(changes)} changes: lower window.length"
            )
        self.mean, self.std = float(changes.mean()), float(changes.std() or 1.0)
        inputs, targets = windows_of((changes - self.mean) / self.std, length)
        self.n_val = max(1, round(len(targets) * batches.val_size))
        cut = len(targets) - self.n_val
        # The order of the training windows within an epoch is only for the
        # optimiser; which windows train and which validate is decided by time.
        self.datasets = {
            "train": TensorDataset(inputs[:cut], targets[:cut]),
            "val": TensorDataset(inputs[cut:], targets[cut:]),
        }
        self.length, self.batches = length, batches

    def spec(self, network: dict) -> NetworkSpec:
        return NetworkSpec(
            task="regression",
            input_shape=(self.length, 1),
            n_outputs=1,
            network=network,
            target_mean=self.mean,
            target_std=self.std,
        )


@dataclass(frozen=True)
class NetworkForecaster:
    """A trained network (load_network's, in evaluation mode) as a forecaster."""

    network: nn.Module
    spec: NetworkSpec

    @torch.no_grad()
    def forecast(self, history: pd.Series, steps: int) -> pd.Series:
        length = self.spec.input_shape[0]
        changes = history.diff().dropna().to_numpy(dtype=float)
        if len(changes) < length:
            raise ProjectError(
                f"the series has {len(history)} steps; the network reads windows of "
                f"{length} changes: give a longer series"
            )
        mean, std = self.spec.target_mean, self.spec.target_std
        window = list((changes[-length:] - mean) / std)
        level, values = float(history.iloc[-1]), []
        for _ in range(steps):
            inputs = torch.tensor(window, dtype=torch.float32).reshape(1, length, 1)
            change = float(self.network(inputs).reshape(-1)[0])
            level += change * std + mean
            values.append(level)
            window = [*window[1:], change]
        return pd.Series(values, index=future_dates(history, steps), name=history.name)
