"""Where the text network's files live: the network's, and the tokenizer."""

from dataclasses import dataclass
from pathlib import Path

from ....advanced.paths import NetworkPaths


@dataclass(frozen=True)
class TextPaths(NetworkPaths):
    """`NetworkPaths`, plus the tokenizer learned from the training texts."""

    @property
    def tokenizer(self) -> Path:
        return self.models / "tokenizer.json"
