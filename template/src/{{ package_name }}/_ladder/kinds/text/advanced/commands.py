"""The text kind's advanced commands: `train` grows the text network; `evaluate` and
`predict` use it. `report` is the advanced rung's own; `search` and `compare` are the
lower rungs'."""

from ....advanced.commands import add_train_options
from ....core.cli import Command
from ....core.commands import print_rescored, print_scores, run_saved
from ....core.paths import Paths
from ....core.settings import Settings
from ....intermediate.commands import SEARCH
from .. import add_predict_options


def run_train(paths: Paths, settings: Settings) -> None:
    from .train import train

    metrics = train(paths, settings)
    if metrics is None:  # a DDP process other than rank 0: rank 0 reports
        return
    classical = metrics["best_classical"]
    name = metrics["primary_metric"]
    print(
        f"best TF-IDF model ({classical['candidate']}): {classical['scores'][name]:.3f}"
    )
    print_scores(metrics, run_saved(metrics))


def run_evaluate(paths: Paths, settings: Settings) -> None:
    from .paths import TextPaths
    from .results import evaluate_network

    root = TextPaths(paths.root)
    print_rescored(paths, lambda: evaluate_network(root, settings.project))


def run_predict(paths: Paths, settings: Settings) -> None:
    from ..predict import predict_texts as predict
    from .paths import TextPaths
    from .results import load_predictor

    project = settings.project
    predictor, _ = load_predictor(TextPaths(paths.root), project)
    output = settings.output or paths.predictions
    written = predict(predictor, settings.csv, output, project.text_column)
    print(f"predictions written to {written}")


COMMANDS = [
    SEARCH,  # the candidates' search, as at the intermediate tier
    Command(
        "train",
        "train the text network and the best TF-IDF model; score, save, report",
        run_train,
        reads_config=True,
        add_options=add_train_options,
    ),
    Command("evaluate", "re-score the saved network on the test texts", run_evaluate),
    Command(
        "predict",
        "predict with the network the label of each text of a CSV",
        run_predict,
        add_options=add_predict_options,
    ),
]
