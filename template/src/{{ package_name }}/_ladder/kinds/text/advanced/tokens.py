"""Texts -> token numbers, and the trained network that reads them behind a
scikit-learn model's interface (`TextPredictor`: never Lightning, so `predict` starts
in a moment). Hugging Face's `tokenizers` learns a WordPiece vocabulary (frequent
words whole, rare ones in pieces, so no word is unknown) from the training texts
alone; it is saved as models/tokenizer.json. Padding is token 0 ([PAD])."""

from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from jsonargparse.typing import PositiveInt
from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers
from tokenizers.trainers import WordPieceTrainer
from torch import nn
from torch.nn.utils.rnn import pad_sequence

from ....advanced.predictor import NetworkSpec
from ....core.errors import ProjectError

PAD, UNKNOWN = "[PAD]", "[UNK]"
# Texts scored at once.
PREDICT_BATCH = 512
# Token sequences -> one (batch, longest) tensor, padded with 0.
pad = partial(pad_sequence, batch_first=True)


@dataclass(frozen=True)
class TokenizerSettings:
    """The `tokenizer:` section of configs/default.yaml."""

    # The most tokens (words and word pieces) the vocabulary keeps.
    vocab_size: PositiveInt = 8000
    # A token seen fewer times than this in the training texts is left out.
    min_frequency: PositiveInt = 2
    # Tokens per text at most: longer texts are cut.
    max_length: PositiveInt = 256
    # Lowercase and strip accents first: "Café" and "cafe" become one token.
    lowercase: bool = True


def learn_tokenizer(texts: Iterable[str], settings: TokenizerSettings) -> Tokenizer:
    """A WordPiece tokenizer learned from `texts`; texts over `max_length` are cut."""
    tokenizer = Tokenizer(models.WordPiece(unk_token=UNKNOWN))
    tokenizer.normalizer = normalizers.BertNormalizer(lowercase=settings.lowercase)
    tokenizer.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tokenizer.decoder = decoders.WordPiece()
    trainer = WordPieceTrainer(
        vocab_size=settings.vocab_size,
        min_frequency=settings.min_frequency,
        special_tokens=[PAD, UNKNOWN],
        show_progress=False,
    )
    tokenizer.train_from_iterator(texts, trainer=trainer)
    tokenizer.enable_truncation(settings.max_length)
    return tokenizer


def encode(tokenizer: Tokenizer, texts: Iterable[str]) -> list[torch.Tensor]:
    """Each text as a 1-D tensor of token numbers (at least one: [UNK] if empty)."""
    unknown = tokenizer.token_to_id(UNKNOWN)
    encoded = tokenizer.encode_batch([str(text) for text in texts])
    return [torch.tensor(one.ids or [unknown], dtype=torch.long) for one in encoded]


def load_tokenizer(path: Path) -> Tokenizer:
    if not path.is_file():
        raise ProjectError(f"{path} not found: run `train` first")
    try:
        return Tokenizer.from_file(str(path))
    except Exception as error:  # tokenizers raises its own types for a broken file
        raise ProjectError(
            f"{path} is not a tokenizer saved by `train` ({error}): run `train` again"
        ) from None


class TextPredictor:
    """A network and its tokenizer, with a scikit-learn model's `predict(X)`."""

    def __init__(
        self, network: nn.Module, tokenizer: Tokenizer, spec: NetworkSpec, column: str
    ) -> None:
        # Evaluation mode: dropout off, so the same text always gets the same answer.
        self.network = network.eval()
        self.tokenizer, self.spec, self.column = tokenizer, spec, column
        self.feature_names_in_ = np.array([column], dtype=object)

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
