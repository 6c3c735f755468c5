"""The advanced rung's commands: `train` grows a network; `search` tunes it too;
`evaluate`, `predict` and `report` use it, through the kind's own steps (the network
behind a classical model's interface): they import PyTorch but never Lightning, so
they start in a moment. The kind's part (part.py) names the network.
"""

from jsonargparse import ArgumentParser

from ..core.cli import Command
from ..core.commands import print_filled, print_rescored, print_scores, run_saved
from ..core.kind import current_kind
from ..core.paths import Paths
from ..core.settings import Settings
from ..intermediate.commands import INTERRUPTED
from ..intermediate.commands import run_search as search_candidates
from .part import advanced_part
from .paths import NetworkPaths


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
    classical, name = metrics["best_classical"], metrics["primary_metric"]
    value = f"{classical['scores'][name]:.3f}"
    if metrics.get("lower_is_better"):  # an error is named: which way is good?
        value = f"{name} {value}"
    print(f"{advanced_part().RIVAL} ({classical['candidate']}): {value}")
    for note in current_kind().train_notes(settings, metrics):
        print(note)
    print_scores(metrics, run_saved(metrics))


def run_search(paths: Paths, settings: Settings) -> None:
    if not advanced_part().SEARCHES_NETWORK:
        search_candidates(paths, settings)
        return
    tune_network = settings.network_search.n_trials > 0
    if tune_network:  # checked before either search starts
        from .network_search import check_network_search, search_network

        trials, knobs = check_network_search(paths, settings)
    if settings.search.n_trials:
        search_candidates(paths, settings)
    else:
        print("candidates: search.n_trials is 0, no trials added")
    if tune_network:
        search_network(paths, trials, knobs)
    else:
        print("network: network_search.n_trials is 0, no trials added")


def run_evaluate(paths: Paths, settings: Settings) -> None:
    from .results import evaluate_network

    root = NetworkPaths(paths.root)
    print_rescored(paths, lambda: evaluate_network(root, settings, advanced_part()))


def run_predict(paths: Paths, settings: Settings) -> None:
    model, _ = advanced_part().load(NetworkPaths(paths.root), settings)
    print(current_kind().steps.predict(model, paths, settings))


def run_report(paths: Paths, settings: Settings) -> None:
    """Fill the draft with what the kind's part shows: the network beside its rival
    and the baseline, and every run."""
    from ..intermediate.runs import fill_report

    root, project = NetworkPaths(paths.root), settings.project
    report = advanced_part().report_content(root)
    print_filled(fill_report(root, project, *report), project)


# The commands, with the names and options the project's kind gives them.
KIND, PART = current_kind(), advanced_part()
SEARCHED = (
    "studies: the candidates' and the network's" if PART.SEARCHES_NETWORK else "study"
)
# `trainer:` read as Lightning's Trainer takes it, every key checked against it.
BUILDS_TRAINER = {"lightning": True}
COMMANDS = [
    Command(
        "train",
        f"train the {PART.NETWORK} and the best classical model; score, save, report",
        run_train,
        reads_config=True,
        section_options=BUILDS_TRAINER,
        add_options=add_train_options,
    ),
    Command(
        "search",
        f"only add trials to the experiment's {SEARCHED} (a worker)",
        run_search,
        reads_config=True,
        section_options=BUILDS_TRAINER,
        on_interrupt=INTERRUPTED,
    ),
    Command(
        "evaluate",
        f"with the {PART.NETWORK}: {KIND.evaluate_help}",
        run_evaluate,
        reads_config=PART.EVALUATE_READS_CONFIG,
    ),
    Command(
        "predict",
        f"with the {PART.NETWORK}: {KIND.predict_help}",
        run_predict,
        reads_config=KIND.predict_reads_config,
        add_options=KIND.add_predict_options,
    ),
    Command(
        "report",
        f"fill the results, {PART.NETWORK} vs best classical model, into the draft",
        run_report,
    ),
]
