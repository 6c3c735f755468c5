"""The Lightning Trainer the advanced scripts that use Lightning share, as the
advanced tier sets it up: early stopping on val_loss, best and last checkpoints, a
CSV log, on the CPU, no progress bar."""

from pathlib import Path

import lightning as L
import pandas as pd
from lightning.pytorch.callbacks import EarlyStopping, ModelCheckpoint
from lightning.pytorch.loggers import CSVLogger


def lightning_trainer(
    output: Path, max_epochs: int, patience: int, model_summary: bool = False
) -> tuple[L.Trainer, ModelCheckpoint]:
    """The Trainer, and the checkpoint whose best_model_path holds the best epoch."""
    checkpoint = ModelCheckpoint(
        output / "checkpoints", "best", "val_loss", save_last=True
    )
    trainer = L.Trainer(
        max_epochs=max_epochs,
        accelerator="cpu",
        devices=1,
        callbacks=[EarlyStopping("val_loss", patience=patience), checkpoint],
        logger=CSVLogger(output / "logs"),
        enable_progress_bar=False,
        enable_model_summary=model_summary,
    )
    return trainer, checkpoint


def history_of(trainer: L.Trainer) -> pd.DataFrame:
    """What the CSV log holds, one row per epoch."""
    log = pd.read_csv(Path(trainer.logger.log_dir) / "metrics.csv")
    return log.groupby("epoch").last()
