"""The trained text network behind the same interface as a scikit-learn model.

`TextPredictor` offers what core's `evaluate` and `predict` need of any model
(`feature_names_in_` and `predict(X)`): the network scores texts with the very same
code as every other tier. It needs PyTorch and the tokenizer, never Lightning.
"""

import numpy as np
import pandas as pd
import torch
from tokenizers import Tokenizer
from torch import nn

from ....advanced.predictor import NetworkSpec
from .tokens import encode, pad

# Texts scored at once.
PREDICT_BATCH = 512


class TextPredictor:
    """A network and its tokenizer, with a scikit-learn model's `predict(X)`."""

    def __init__(
        self, network: nn.Module, tokenizer: Tokenizer, spec: NetworkSpec, column: str
    ) -> None:
        # Evaluation mode: dropout off, so the same text always gets the same answer.
        self.network = network.eval()
        self.tokenizer, self.spec, self.column = tokenizer, spec, column

    @property
    def feature_names_in_(self) -> np.ndarray:
        """The one column a row needs: the texts."""
        return np.array([self.column], dtype=object)

    @torch.no_grad()
    def predict(self, X: pd.DataFrame) -> np.ndarray:
        """The label name for each text of X."""
        tokens = encode(self.tokenizer, X[self.column])
        outputs = torch.cat(
            [
                self.network(pad(tokens[start : start + PREDICT_BATCH]))
                for start in range(0, len(tokens), PREDICT_BATCH)
            ]
        )
        return np.asarray(self.spec.classes)[outputs.argmax(dim=1).numpy()]
