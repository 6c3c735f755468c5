"""The images kind's advanced `train` as one plain script: its bar.

The same work as `python -m <package> train` in a default advanced images project
(digits as a folder), done with PyTorch, torchvision, scikit-learn and matplotlib
directly, without Lightning: write the digits out as PNG files and read them back,
split off test and validation images, standardise the pixels on the training images,
train the same CNN on augmented images with AdamW and a cosine schedule, stop early
on val_loss and save the best epoch's weights, then score them and a Dummy baseline
on the test rows, save the preprocessor with skops, the history, two figures as PNG
and the metrics. Then, as
the advanced `train` does, the intermediate tier's search of the scikit-learn
candidates: benchmarks/baselines/images_intermediate.py, run in this process.
Usage: python benchmarks/baselines/images_advanced.py OUTPUT_FOLDER
"""

import json
import random
import runpy
import sys
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import skops.io as sio
import torch
from PIL import Image
from sklearn.datasets import load_digits
from sklearn.dummy import DummyClassifier
from sklearn.metrics import (
    ConfusionMatrixDisplay,
    classification_report,
)
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelEncoder, StandardScaler
from torch import nn
from torch.utils.data import DataLoader, Dataset, TensorDataset
from torchvision.transforms import v2

from common import score

SEED = 42
BATCH_SIZE = 64
CHANNELS = (32, 64)
HIDDEN_SIZE = 128
DROPOUT = 0.25
LR = 0.003
WEIGHT_DECAY = 0.0001
MAX_EPOCHS = 30
PATIENCE = 10


def to_dataset(preprocessor, encoder, X, y) -> TensorDataset:
    """Rows -> float features and the class numbers the loss needs, as tensors."""
    features = np.asarray(preprocessor.transform(X), dtype="float32")
    features = features.reshape(-1, 1, 8, 8)
    labels = encoder.transform(y)
    return TensorDataset(torch.as_tensor(features), torch.as_tensor(labels))


class Augmented(Dataset):
    """Training images, each transformed anew at every draw."""

    def __init__(self, data: TensorDataset, augment) -> None:
        self.data, self.augment = data, augment

    def __len__(self) -> int:
        return len(self.data)

    def __getitem__(self, index: int):
        image, label = self.data[index]
        return self.augment(image), label


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


output = Path(sys.argv[1])
torch.set_num_threads(1)
random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)

folder = output / "digits"
digits = load_digits()
for number, (image, digit) in enumerate(zip(digits.images, digits.target, strict=True)):
    (folder / str(digit)).mkdir(parents=True, exist_ok=True)
    grey = (image * (255 / 16)).round().astype(np.uint8)
    Image.fromarray(grey, mode="L").save(folder / str(digit) / f"{number:04d}.png")
files = sorted(folder.glob("*/*.png"))
X = np.stack([np.asarray(Image.open(f).convert("L"), dtype=np.float32) for f in files])
X = pd.DataFrame(X.reshape(len(files), -1) / 255.0)
y = np.array([f.parent.name for f in files])
X_rest, X_test, y_rest, y_test = train_test_split(
    X, y, test_size=0.2, random_state=SEED, stratify=y
)
X_train, X_val, y_train, y_val = train_test_split(
    X_rest, y_rest, test_size=0.2, random_state=SEED, stratify=y_rest
)

preprocessor = StandardScaler().fit(X_train)
encoder = LabelEncoder().fit(y)
classes = encoder.classes_


train_data = to_dataset(preprocessor, encoder, X_train, y_train)
val_data = to_dataset(preprocessor, encoder, X_val, y_val)
test_data = to_dataset(preprocessor, encoder, X_test, y_test)
train_loader = DataLoader(
    Augmented(train_data, v2.RandomAffine(degrees=10, translate=(0.1, 0.1))),
    batch_size=BATCH_SIZE,
    shuffle=True,
)
val_loader = DataLoader(val_data, batch_size=BATCH_SIZE)

layers: list[nn.Module] = []
in_channels, side = 1, 8
for out_channels in CHANNELS:
    layers += [
        nn.Conv2d(in_channels, out_channels, kernel_size=3, padding=1),
        nn.BatchNorm2d(out_channels),
        nn.ReLU(),
    ]
    if side >= 8:
        layers.append(nn.MaxPool2d(2))
        side //= 2
    in_channels = out_channels
network = nn.Sequential(
    *layers,
    nn.Flatten(),
    nn.Linear(in_channels * side * side, HIDDEN_SIZE),
    nn.ReLU(),
    nn.Dropout(DROPOUT),
    nn.Linear(HIDDEN_SIZE, len(classes)),
)
optimizer = torch.optim.AdamW(network.parameters(), lr=LR, weight_decay=WEIGHT_DECAY)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=MAX_EPOCHS)

# Train until val_loss has not improved for PATIENCE epochs, keeping the best weights.
history: list[dict[str, float]] = []
best_epoch, best_loss = 0, float("inf")
for epoch in range(MAX_EPOCHS):
    row = {"lr-AdamW": optimizer.param_groups[0]["lr"]}
    train_scores = run_epoch(network, train_loader, len(classes), optimizer)
    val_scores = run_epoch(network, val_loader, len(classes))
    row |= {f"train_{name}": value for name, value in train_scores.items()}
    row |= {f"val_{name}": value for name, value in val_scores.items()}
    history.append(row)
    scheduler.step()
    if val_scores["loss"] < best_loss:
        best_epoch, best_loss = epoch, val_scores["loss"]
        torch.save(network.state_dict(), output / "model.pt")
    elif epoch - best_epoch >= PATIENCE:
        break
history = pd.DataFrame(history).rename_axis("epoch")

network.load_state_dict(torch.load(output / "model.pt", weights_only=True))
network.eval()
with torch.no_grad():
    y_pred = classes[network(test_data.tensors[0]).argmax(dim=1).numpy()]
baseline = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
report = classification_report(y_test, y_pred, output_dict=True, zero_division=0)
metrics = {
    "model": score(y_test, y_pred),
    "baseline": score(y_test, baseline.predict(X_test)),
    "training": {
        "epochs": len(history),
        "best_epoch": best_epoch,
        "monitor": "val_loss",
        "best_value": best_loss,
    },
    "per_class": {
        name: {
            "precision": values["precision"],
            "recall": values["recall"],
            "f1": values["f1-score"],
            "support": int(values["support"]),
        }
        for name, values in report.items()
        if isinstance(values, dict) and name not in ("macro avg", "weighted avg")
    },
    "n_train": len(X_train),
    "n_val": len(X_val),
    "n_test": len(X_test),
}

sio.dump(preprocessor, output / "preprocessor.skops")
history.to_csv(output / "history.csv")

figure, axes = plt.subplots(figsize=(6, 5), layout="constrained")
ConfusionMatrixDisplay.from_predictions(
    y_test, y_pred, ax=axes, colorbar=False, xticks_rotation=45
)
axes.set_title("Confusion matrix on the test set")
figure.savefig(output / "confusion_matrix.png", dpi=120)

figure, all_axes = plt.subplots(1, 3, figsize=(13, 4), layout="constrained")
for axes, name in zip(all_axes, ("loss", "acc", "lr-AdamW"), strict=True):
    columns = [name] if name.startswith("lr-") else [f"train_{name}", f"val_{name}"]
    for column in columns:
        axes.plot(history.index, history[column], marker=".", label=column)
    axes.axvline(best_epoch, color="grey", linestyle="--", label="best epoch")
    axes.set_title(name)
    axes.set_xlabel("epoch")
    axes.legend()
all_axes[0].set_yscale("log")
figure.suptitle(f"Training curves; best epoch by val_loss: {best_epoch}")
figure.savefig(output / "training_curves.png", dpi=120)

(output / "metrics.json").write_text(json.dumps(metrics, indent=2))
print(
    f"test accuracy: model {metrics['model']['accuracy']:.3f}, "
    f"baseline {metrics['baseline']['accuracy']:.3f}; "
    f"{len(history)} epochs, best {best_epoch}"
)

# The network's rival: the best scikit-learn candidate of the intermediate search.
runpy.run_path(
    str(Path(__file__).with_name("images_intermediate.py")), run_name="__main__"
)
