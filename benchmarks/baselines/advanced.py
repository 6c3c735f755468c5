"""The advanced tier's `train` as one plain script: the bar `train` is timed against.

The same work as `python -m <package> train` in a default advanced project (iris),
done with PyTorch, scikit-learn and matplotlib directly, without Lightning: load, split
off test and validation rows, fit the preprocessing on the training rows, train the
same MLP with AdamW and a cosine schedule, stop early on val_loss and save the best
epoch's weights (training.py), then score them and a Dummy baseline on the test rows,
save the preprocessor with skops, the history, two figures as PNG and the metrics.
Then, as the advanced `train` does, the intermediate tier's search of the scikit-learn
candidates: benchmarks/baselines/intermediate.py, run in this process.
Usage: python benchmarks/baselines/advanced.py OUTPUT_FOLDER
"""

import runpy
import sys
from pathlib import Path

import numpy as np
import torch
from sklearn.datasets import load_iris
from sklearn.preprocessing import LabelEncoder
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

import training
from common import build_preprocessor

SEED = 42
BATCH_SIZE = 32
HIDDEN_SIZES = (64, 32)
DROPOUT = 0.1
SETTINGS = {"lr": 0.003, "weight_decay": 0.0001, "max_epochs": 100, "patience": 20}


def to_dataset(preprocessor, encoder, X, y) -> TensorDataset:
    """Rows -> float features and the class numbers the loss needs, as tensors."""
    features = np.asarray(preprocessor.transform(X), dtype="float32")
    labels = encoder.transform(y)
    return TensorDataset(torch.as_tensor(features), torch.as_tensor(labels))


output = Path(sys.argv[1])
training.seed_all(SEED)
iris = load_iris(as_frame=True)
X, y = iris.data, iris.target_names[iris.target]
X_train, X_val, X_test, y_train, y_val, y_test = training.split(X, y, SEED)

preprocessor = build_preprocessor(sparse_threshold=0.0).fit(X_train)
encoder = LabelEncoder().fit(y)
classes = encoder.classes_

train_data = to_dataset(preprocessor, encoder, X_train, y_train)
val_data = to_dataset(preprocessor, encoder, X_val, y_val)
test_data = to_dataset(preprocessor, encoder, X_test, y_test)
train_loader = DataLoader(train_data, batch_size=BATCH_SIZE, shuffle=True)
val_loader = DataLoader(val_data, batch_size=BATCH_SIZE)

layers: list[nn.Module] = []
n_inputs = train_data.tensors[0].shape[1]
for width in HIDDEN_SIZES:
    layers += [nn.Linear(n_inputs, width), nn.ReLU(), nn.Dropout(DROPOUT)]
    n_inputs = width
network = nn.Sequential(*layers, nn.Linear(n_inputs, len(classes)))

fitted = training.fit(
    network, train_loader, val_loader, len(classes), output, **SETTINGS
)
rows = X_train, X_val, X_test, y_train, y_test
training.report(output, network, test_data, classes, preprocessor, fitted, rows)

# The network's rival: the best scikit-learn candidate of the intermediate search.
runpy.run_path(str(Path(__file__).with_name("intermediate.py")), run_name="__main__")
