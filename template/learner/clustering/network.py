"""The network: an autoencoder, the file to open when you want to try another one.

An autoencoder squeezes each row through a narrow middle layer (the embedding) and
learns to rebuild the row from it. What it must keep to rebuild rows well is what
sets rows apart, so KMeans on the embedding finds clusters; a row it rebuilds badly
is unlike the rows it learned from: its reconstruction error is an anomaly score.
`build_network`'s arguments but the first are the `network:` section of
configs/default.yaml.
"""

import itertools

from torch import Tensor, nn


class Autoencoder(nn.Module):
    """An encoder down to `embedding_size` numbers, and a decoder back up."""

    def __init__(self, encoder: nn.Module, decoder: nn.Module) -> None:
        super().__init__()
        self.encoder = encoder
        self.decoder = decoder

    def encode(self, x: Tensor) -> Tensor:
        """The embedding of each row: what KMeans clusters."""
        return self.encoder(x)

    def forward(self, x: Tensor) -> Tensor:
        """Each row rebuilt from its embedding."""
        return self.decoder(self.encoder(x))


def build_network(
    n_inputs: int, embedding_size: int = 3, hidden_sizes: tuple[int, ...] = (16,)
) -> Autoencoder:
    """Layers of `hidden_sizes` down to the embedding, and the same back up.

    Args:
        n_inputs: the columns of a preprocessed row (set by the data).
        embedding_size: the numbers each row is squeezed into. Try 2 to plot the
            embedding as it is, or more for data with many columns.
        hidden_sizes: widths of the encoder's hidden layers; the decoder mirrors them.
    """
    sizes = [n_inputs, *hidden_sizes]
    encoder, decoder = [], []
    for wide, narrow in itertools.pairwise(sizes):
        encoder += [nn.Linear(wide, narrow), nn.ReLU()]
        decoder = [nn.Linear(narrow, wide), nn.ReLU(), *decoder]
    encoder.append(nn.Linear(sizes[-1], embedding_size))
    decoder = [nn.Linear(embedding_size, sizes[-1]), nn.ReLU(), *decoder]
    # The last layer rebuilds scaled values, negative ones too: no activation.
    decoder = decoder[:-1]
    return Autoencoder(nn.Sequential(*encoder), nn.Sequential(*decoder))
