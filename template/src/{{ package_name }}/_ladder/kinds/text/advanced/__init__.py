"""The text kind's advanced part (advanced/part.py): a network over
the tokens of a tokenizer learned from the training texts (tokens.py), trained in
padded, length-bucketed batches (datamodule.py); its rival is the best TF-IDF model."""

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ....advanced.paths import NetworkPaths
from ....core.artifacts import write_text
from ....core.data import Split
from ....core.settings import AddSection, Settings, dataclass_section

RIVAL = "best TF-IDF model"
SEARCHES_NETWORK = False


def sections() -> Mapping[str, AddSection]:
    from .tokens import TokenizerSettings

    return {"tokenizer": dataclass_section(TokenizerSettings)}


def data_module(settings: Settings, split: Split) -> Any:
    from .datamodule import TextDataModule

    return TextDataModule(split, settings.project, settings.tokenizer, settings.batches)


def tokenizer_path(paths: NetworkPaths) -> Path:
    return paths.models / "tokenizer.json"


def model(
    checkpoint: Path, datamodule: Any, split: Split, settings: Settings
) -> tuple[Any, dict[str, Any]]:
    return text_predictor(checkpoint, datamodule.tokenizer, settings)


def text_predictor(
    checkpoint: Path, tokenizer: Any, settings: Settings
) -> tuple[Any, dict[str, Any]]:
    """The network at `checkpoint` reading its texts through `tokenizer`, and the
    checkpoint: trained just now (`model`) or saved (`load`)."""
    from ....advanced.predictor import load_network
    from .tokens import TextPredictor

    network, spec, saved = load_network(checkpoint)
    column = settings.project.text_column
    return TextPredictor(network, tokenizer, spec, column), saved


def save(model: Any, paths: NetworkPaths) -> None:
    write_text(tokenizer_path(paths), model.tokenizer.to_str())


def load(paths: NetworkPaths, settings: Settings) -> tuple[Any, dict[str, Any]]:
    """models/model.ckpt and models/tokenizer.json, ready to predict."""
    from .tokens import load_tokenizer

    tokenizer = load_tokenizer(tokenizer_path(paths))
    return text_predictor(paths.checkpoint, tokenizer, settings)


def facts(model: Any, datamodule: Any) -> dict[str, Any]:
    return {"vocabulary": datamodule.tokenizer.get_vocab_size()}


def figures(
    model: Any, classical: Any, split: Split, settings: Settings, outcome: Any
) -> dict[str, Any]:
    """The rival's search figures, and its telling words (a network has none)."""
    from ....intermediate.rows import search_figures
    from ..steps import word_figures

    drawn = search_figures(classical, split, settings, outcome)
    return {**drawn, **word_figures(classical)}
