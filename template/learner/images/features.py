"""Turn pixels into model inputs: a part of the pipeline worth experimenting with.

Each image reaches the model as one row of pixel values from 0 (black) to 1 (white),
resized to `project.image_size` pixels square (configs/project.yaml). The arguments
of `build_preprocessor` are the `features:` section of configs/default.yaml: add an
argument here (with a type and a default) and it becomes a key there, checked on start.
Try next: `PCA(n_components=0.95)` after the scaler, which keeps the directions that
hold 95% of the variation and often helps slower models.
"""

from sklearn.base import TransformerMixin
from sklearn.preprocessing import FunctionTransformer, StandardScaler


def build_preprocessor(scale_numeric: bool = True) -> TransformerMixin:
    """Standardised pixels, or the pixels as they are.

    Args:
        scale_numeric: standardise each pixel (mean 0, spread 1 over the training
            images): linear models and SVMs need it, trees do not care.
    """
    if scale_numeric:
        return StandardScaler()
    return FunctionTransformer(feature_names_out="one-to-one")
