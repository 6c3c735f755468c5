"""The images kind's advanced `train` as one plain script: its bar.

The same work as `python -m <package> train` in a default advanced images project
(digits as a folder), done with PyTorch, torchvision, scikit-learn and matplotlib
directly, without Lightning: write the digits out as PNG files and read them back
(images_common.py), split off test and validation images, standardise the pixels on
the training images, train the same CNN on augmented images with AdamW and a cosine
schedule, stop early on val_loss and save the best epoch's weights (training.py),
then score them and a Dummy baseline on the test rows, save the preprocessor with
skops, the history, two figures as PNG and the metrics. Then, as the advanced
`train` does, the intermediate tier's search of the scikit-learn
candidates: benchmarks/baselines/images_intermediate.py, run in this process.
Usage: python benchmarks/baselines/images_advanced.py OUTPUT_FOLDER
"""

import runpy
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from sklearn.preprocessing import LabelEncoder, StandardScaler
from torch import nn
from torch.utils.data import DataLoader, Dataset, TensorDataset
from torchvision.transforms import v2

import training
from images_common import digits_folder, read_images

SEED = 42
BATCH_SIZE = 64
CHANNELS = (32, 64)
HIDDEN_SIZE = 128
DROPOUT = 0.25
SETTINGS = {"lr": 0.003, "weight_decay": 0.0001, "max_epochs": 30, "patience": 10}


def to_dataset(preprocessor, encoder, X, y) -> TensorDataset:
    """Rows -> 1×8×8 float images and the class numbers the loss needs, as tensors."""
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


output = Path(sys.argv[1])
training.seed_all(SEED)
pixels, y = read_images(digits_folder(output))
X = pd.DataFrame(pixels)
X_train, X_val, X_test, y_train, y_val, y_test = training.split(X, y, SEED)

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

fitted = training.fit(
    network, train_loader, val_loader, len(classes), output, **SETTINGS
)
rows = X_train, X_val, X_test, y_train, y_test
training.report(output, network, test_data, classes, preprocessor, fitted, rows)

# The network's rival: the best scikit-learn candidate of the intermediate search.
runpy.run_path(
    str(Path(__file__).with_name("images_intermediate.py")), run_name="__main__"
)
