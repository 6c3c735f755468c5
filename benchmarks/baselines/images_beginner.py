"""The images kind's beginner `train` as one plain script: its bar.

The same work as `python -m <package> train` in a default beginner images project
(digits as a folder): write the digits out as PNG files, read them back with Pillow
into pixel rows, split, fit the same Pipeline and a Dummy baseline, score both, save
the model with skops, draw the confusion matrix and two grids of test images, write
the metrics. Usage: python benchmarks/baselines/images_beginner.py OUTPUT_FOLDER
"""

import json
import sys
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import skops.io as sio
from PIL import Image
from sklearn.datasets import load_digits
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import ConfusionMatrixDisplay
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from common import score

output = Path(sys.argv[1])
folder = output / "digits"
digits = load_digits()
for number, (image, digit) in enumerate(zip(digits.images, digits.target, strict=True)):
    (folder / str(digit)).mkdir(parents=True, exist_ok=True)
    grey = (image * (255 / 16)).round().astype(np.uint8)
    Image.fromarray(grey, mode="L").save(folder / str(digit) / f"{number:04d}.png")

files = sorted(folder.glob("*/*.png"))
X = np.stack([np.asarray(Image.open(f).convert("L"), dtype=np.float32) for f in files])
X = X.reshape(len(files), -1) / 255.0
y = np.array([f.parent.name for f in files])
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, random_state=42, stratify=y
)
model = Pipeline(
    [
        ("features", StandardScaler()),
        ("estimator", LogisticRegression(C=0.1, max_iter=1000, random_state=42)),
    ]
).fit(X_train, y_train)
baseline = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
y_pred = model.predict(X_test)
metrics = {
    "model": score(y_test, y_pred),
    "baseline": score(y_test, baseline.predict(X_test)),
}
sio.dump(model, output / "model.skops")
ConfusionMatrixDisplay.from_predictions(y_test, y_pred)
plt.savefig(output / "confusion_matrix.png", dpi=120)
for name in ("sample_predictions", "confidently_wrong"):
    figure, grid = plt.subplots(4, 4, figsize=(8, 8.8))
    for axes, image, label, guess in zip(
        grid.ravel(), X_test[:16], y_test, y_pred, strict=False
    ):
        axes.imshow(image.reshape(8, 8), cmap="gray", vmin=0, vmax=1)
        axes.set_title(f"{label} / {guess}")
        axes.set_axis_off()
    figure.savefig(output / f"{name}.png", dpi=120)
(output / "metrics.json").write_text(json.dumps(metrics, indent=2))
print(f"test accuracy: model {metrics['model']['accuracy']:.3f}")
