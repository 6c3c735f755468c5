"""The network: a text classifier in PyTorch, trained by Lightning.

Each text arrives as a row of token numbers from a tokenizer learned on the training
texts (shorter texts padded with 0). An embedding bag looks up a vector for each
token and averages them, padding left out: the text's meaning as one vector, word
order ignored, like TF-IDF. A small dense head turns it into one score per label.
The arguments of `build_network` are the `network:` section of configs/default.yaml,
but the two the data decides: the vocabulary's size and the number of labels.
Try next: `mode="max"` in the EmbeddingBag, or an `nn.TransformerEncoder` over
`nn.Embedding` vectors, which reads word order too.
"""

from torch import Tensor, nn


class TextClassifier(nn.Module):
    """Token numbers (batch, length) -> one score (logit) per label."""

    def __init__(
        self, vocab_size: int, n_outputs: int, embedding_dim: int, head: nn.Module
    ) -> None:
        super().__init__()
        # padding_idx 0: the padding token has no vector and is left out of the mean.
        self.embedding = nn.EmbeddingBag(
            vocab_size, embedding_dim, mode="mean", padding_idx=0
        )
        self.head = head

    def forward(self, tokens: Tensor) -> Tensor:
        return self.head(self.embedding(tokens))


def build_network(
    input_shape: tuple[int, ...],
    n_outputs: int,
    embedding_dim: int = 64,
    hidden_sizes: list[int] | None = None,
    dropout: float = 0.2,
) -> nn.Module:
    """An embedding bag, then dense layers with ReLU and dropout, then the scores.

    Args:
        input_shape: (vocabulary size,): how many tokens the tokenizer knows.
        n_outputs: one score per label.
        embedding_dim: the length of each token's vector.
        hidden_sizes: widths of the dense layers after the average; [] goes
            straight from the average to the scores, a linear model on embeddings.
        dropout: the share of values zeroed at random while training.
    """
    layers: list[nn.Module] = []
    width = embedding_dim
    for size in [64] if hidden_sizes is None else hidden_sizes:
        layers += [nn.Dropout(dropout), nn.Linear(width, size), nn.ReLU()]
        width = size
    layers += [nn.Dropout(dropout), nn.Linear(width, n_outputs)]
    head = nn.Sequential(*layers)
    return TextClassifier(input_shape[0], n_outputs, embedding_dim, head)
