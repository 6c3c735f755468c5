"""The advanced tier's training and reporting, written with PyTorch directly, without
Lightning: epochs with AdamW and a cosine schedule until val_loss stops improving, the
best epoch's weights kept; then the test scores, the files and the figures. A script
keeps its own data, tensors and network.
"""

import random
from pathlib import Path

import numpy as np
import pandas as pd
import skops.io as sio
import torch
from sklearn.metrics import classification_report
from sklearn.model_selection import train_test_split
from torch import nn

import figures
from common import against_dummy, write_json


def seed_all(seed: int) -> None:
    """One thread, as `train` runs on a laptop, and every generator seeded."""
    torch.set_num_threads(1)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def split(X, y, seed: int):
    """A fifth of the rows for the test, a fifth of the rest for validation, both
    stratified: X_train, X_val, X_test, y_train, y_val, y_test."""
    X_rest, X_test, y_rest, y_test = train_test_split(
        X, y, test_size=0.2, random_state=seed, stratify=y
    )
    X_train, X_val, y_train, y_val = train_test_split(
        X_rest, y_rest, test_size=0.2, random_state=seed, stratify=y_rest
    )
    return X_train, X_val, X_test, y_train, y_val, y_test


def run_epoch(network, loader, n_classes, optimizer=None) -> dict[str, float]:
    """One pass over `loader`, training if an optimizer is given: loss, acc, F1."""
    network.train(optimizer is not None)
    total_loss, counts = 0.0, torch.zeros(n_classes * n_classes, dtype=torch.long)
    with torch.set_grad_enabled(optimizer is not None):
        for features, targets in loader:
            outputs = network(features)
            loss = nn.functional.cross_entropy(outputs, targets)
            if optimizer is not None:
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
            total_loss += loss.item() * len(targets)
            pairs = targets * n_classes + outputs.argmax(dim=1)
            counts += torch.bincount(pairs, minlength=n_classes * n_classes)
    # Rows are true classes, columns predictions, as in a confusion matrix.
    confusion = counts.view(n_classes, n_classes).double()
    true_positives = confusion.diag()
    f1 = 2 * true_positives / (confusion.sum(0) + confusion.sum(1)).clamp(min=1)
    return {
        "loss": total_loss / len(loader.dataset),
        "acc": float(true_positives.sum() / confusion.sum()),
        "f1_macro": float(f1.mean()),
    }


def fit(network, train_loader, val_loader, n_classes: int, output: Path, **settings):
    """Train until val_loss has not improved for `patience` epochs; the network ends
    with the best epoch's weights (saved as model.pt). The history by epoch, and the
    summary metrics.json keeps of it."""
    optimizer = torch.optim.AdamW(
        network.parameters(), lr=settings["lr"], weight_decay=settings["weight_decay"]
    )
    max_epochs, patience = settings["max_epochs"], settings["patience"]
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=max_epochs)
    history: list[dict[str, float]] = []
    best_epoch, best_loss = 0, float("inf")
    for epoch in range(max_epochs):
        row = {"lr-AdamW": optimizer.param_groups[0]["lr"]}
        train_scores = run_epoch(network, train_loader, n_classes, optimizer)
        val_scores = run_epoch(network, val_loader, n_classes)
        row |= {f"train_{name}": value for name, value in train_scores.items()}
        row |= {f"val_{name}": value for name, value in val_scores.items()}
        history.append(row)
        scheduler.step()
        if val_scores["loss"] < best_loss:
            best_epoch, best_loss = epoch, val_scores["loss"]
            torch.save(network.state_dict(), output / "model.pt")
        elif epoch - best_epoch >= patience:
            break
    network.load_state_dict(torch.load(output / "model.pt", weights_only=True))
    network.eval()
    training = {
        "epochs": len(history),
        "best_epoch": best_epoch,
        "monitor": "val_loss",
        "best_value": best_loss,
    }
    return pd.DataFrame(history).rename_axis("epoch"), training


def report(output: Path, network, test_data, classes, preprocessor, fitted, rows):
    """Score the network (`fitted`: what `fit` returned) and a Dummy baseline on the
    test rows, per class too; save the preprocessor, the history, the confusion
    matrix, the training curves and the metrics.
    `rows`: X_train, X_val, X_test, y_train, y_test."""
    history, training = fitted
    X_train, X_val, X_test, y_train, y_test = rows
    with torch.no_grad():
        y_pred = classes[network(test_data.tensors[0]).argmax(dim=1).numpy()]
    metrics = against_dummy(y_test, y_pred, X_train, y_train, X_test)
    by_class = classification_report(y_test, y_pred, output_dict=True, zero_division=0)
    metrics |= {
        "training": training,
        "per_class": {
            name: {
                "precision": values["precision"],
                "recall": values["recall"],
                "f1": values["f1-score"],
                "support": int(values["support"]),
            }
            for name, values in by_class.items()
            if isinstance(values, dict) and name not in ("macro avg", "weighted avg")
        },
        "n_train": len(X_train),
        "n_val": len(X_val),
        "n_test": len(X_test),
    }
    sio.dump(preprocessor, output / "preprocessor.skops")
    history.to_csv(output / "history.csv")
    figures.confusion_matrix(output, y_test, y_pred)
    figures.training_curves(output, history, training["best_epoch"])
    write_json(output / "metrics.json", metrics)
    print(
        f"test accuracy: model {metrics['model']['accuracy']:.3f}, "
        f"baseline {metrics['baseline']['accuracy']:.3f}; "
        f"{training['epochs']} epochs, best {training['best_epoch']}"
    )
