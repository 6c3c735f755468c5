"""The advanced rung's commands: `train` grows a network; `search` tunes it too;
`evaluate`, `predict` and `report` use it.

`evaluate` and `predict` are core's own functions, given the network behind the
same predictor interface as a scikit-learn model. They import PyTorch but never
Lightning, so they start in a moment.
"""

from jsonargparse import ArgumentParser

from ..core.cli import Command
from ..core.commands import (
    print_filled,
    print_rescored,
    print_scores,
    run_saved,
)
from ..core.kind import current_kind
from ..core.paths import Paths
from ..core.settings import Settings
from ..intermediate.commands import INTERRUPTED


def add_train_options(parser: ArgumentParser) -> None:
    parser.add_argument(
        "--resume",
        type=str,
        help="continue a stopped run: `last` (models/checkpoints/last.ckpt) or a "
        "checkpoint's path",
    )


def run_train(paths: Paths, settings: Settings) -> None:
    from .train import train

    metrics = train(paths, settings)
    if metrics is None:  # a DDP process other than rank 0: rank 0 reports
        return
    classical = metrics["best_classical"]
    name = metrics["primary_metric"]
    print(f"best classical ({classical['candidate']}): {classical['scores'][name]:.3f}")
    print_scores(metrics, run_saved(metrics))


def run_search(paths: Paths, settings: Settings) -> None:
    from ..intermediate.commands import run_search as search_candidates
    from .network_search import check_network_search, search_network, train_command

    tune_network = settings.network_search.n_trials > 0
    if tune_network:
        trials, knobs = check_network_search(paths, settings)
    if settings.search.n_trials:
        search_candidates(paths, settings)
    else:
        print("candidates: search.n_trials is 0, no trials added")
    if not tune_network:
        print("network: network_search.n_trials is 0, no trials added")
        return
    outcome = search_network(paths, settings, trials, knobs)
    print(
        f"study {outcome.study_name}: {outcome.complete} finished, "
        f"{outcome.pruned} pruned network trials"
    )
    if outcome.best is None:
        print("no network trial has finished yet: nothing to train with")
        return
    best = outcome.best
    print(
        f"best network trial {best.number}: {outcome.monitor} {best.value:.4f}; "
        f"its values are in {outcome.saved}. Train with them:\n"
        f"  {train_command(paths, settings)}"
    )


def run_evaluate(paths: Paths, settings: Settings) -> None:
    from .paths import NetworkPaths
    from .results import evaluate_network

    root = NetworkPaths(paths.root)
    print_rescored(paths, lambda: evaluate_network(root, settings.project))


def run_predict(paths: Paths, settings: Settings) -> None:
    from .checkpoints import load_predictor
    from .paths import NetworkPaths

    predictor = load_predictor(NetworkPaths(paths.root))
    print(current_kind().steps.predict(predictor, paths, settings))


def run_report(paths: Paths, settings: Settings) -> None:
    from .paths import NetworkPaths
    from .results import report

    print_filled(report(NetworkPaths(paths.root), settings.project), settings.project)


COMMANDS = [
    Command(
        "train",
        "train the network and the best scikit-learn candidate; score, save, report",
        run_train,
        reads_config=True,
        add_options=add_train_options,
    ),
    Command(
        "search",
        "only add trials to the experiment's studies: the candidates' and the "
        "network's (a worker)",
        run_search,
        reads_config=True,
        on_interrupt=INTERRUPTED,
    ),
    Command("evaluate", "re-score the saved network on the test rows", run_evaluate),
    Command(
        "predict",
        f"with the network: {current_kind().predict_help}",
        run_predict,
        reads_config=current_kind().predict_reads_config,
        add_options=current_kind().add_predict_options,
    ),
    Command(
        "report",
        "fill the results, network vs best classical model, into the draft",
        run_report,
    ),
]
