"""The images kind's beginner `train` as one plain script: its bar.

The same work as `python -m <package> train` in a default beginner images project
(digits as a folder): write the digits out as PNG files, read them back with Pillow
into pixel rows (images_common.py), split, fit the same Pipeline and a Dummy
baseline, score both, save the model with skops, draw the confusion matrix and two
grids of test images, write the metrics.
Usage: python benchmarks/baselines/images_beginner.py OUTPUT_FOLDER
"""

import sys
from pathlib import Path

from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

import figures
from common import against_dummy, save
from images_common import digits_folder, image_grids, read_images

output = Path(sys.argv[1])
X, y = read_images(digits_folder(output))
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, random_state=42, stratify=y
)
model = Pipeline(
    [
        ("features", StandardScaler()),
        ("estimator", LogisticRegression(C=0.1, max_iter=1000, random_state=42)),
    ]
).fit(X_train, y_train)
y_pred = model.predict(X_test)
metrics = against_dummy(y_test, y_pred, X_train, y_train, X_test)
figures.confusion_matrix(output, y_test, y_pred, plain=True)
image_grids(output, X_test, y_test, y_pred)
save(output, metrics, model)
print(f"test accuracy: model {metrics['model']['accuracy']:.3f}")
