"""Your network: a recurrent network that reads a window of past changes.

`build_network` returns a PyTorch module that takes a batch of windows, shaped
(batch, steps, 1): the standardised changes of the last `window.length` steps. It
outputs one number per window, the next change; the engine forecasts the horizon
step by step, each forecast step joining the window of the next.

Its arguments, but the two the data sets (`input_shape`, `n_outputs`), are the
`network:` section of configs/default.yaml: add one here and it is a config key.

Try next: nn.LSTM instead of nn.GRU, two layers with dropout between them, or a
temporal convolution (nn.Conv1d over the steps) instead of the recurrent layer.
"""

from torch import Tensor, nn


class SequenceNetwork(nn.Module):
    """A GRU over the window, then a linear layer on its last hidden state."""

    def __init__(
        self,
        input_shape: tuple[int, ...],
        n_outputs: int,
        hidden_size: int,
        num_layers: int,
        dropout: float,
    ) -> None:
        super().__init__()
        steps, channels = input_shape
        self.recurrent = nn.GRU(
            input_size=channels,
            hidden_size=hidden_size,
            num_layers=num_layers,
            batch_first=True,
            # PyTorch applies dropout between layers only: none with one layer.
            dropout=dropout if num_layers > 1 else 0.0,
        )
        self.head = nn.Linear(hidden_size, n_outputs)

    def forward(self, windows: Tensor) -> Tensor:
        outputs, _ = self.recurrent(windows)
        # The state after the window's last step holds what the network read.
        return self.head(outputs[:, -1])


def build_network(
    input_shape: tuple[int, ...],
    n_outputs: int,
    hidden_size: int = 32,
    num_layers: int = 1,
    dropout: float = 0.0,
) -> nn.Module:
    """The network for windows of `input_shape` (steps, channels)."""
    return SequenceNetwork(input_shape, n_outputs, hidden_size, num_layers, dropout)
