"""One run of a text experiment: search, refit the best, evaluate, save.

The intermediate tier's run (intermediate/train.py), on texts:
1. load the texts and hold out the test texts (the text beginner's `prepare_split`);
2. add trials to the experiment's Optuna study: each trial is a candidate of
   candidates.py with hyperparameters and TF-IDF settings, scored by stratified
   k-fold cross-validation on the training texts;
3. refit the best trial's model on all training texts and score it once on the test
   texts, next to the baseline, with its telling words and its mistakes;
4. save the model, and the run's config, metrics and figures in reports/runs/.
"""

from typing import TYPE_CHECKING, Any

from sklearn.pipeline import Pipeline

from ....core.artifacts import save_model
from ....core.data import Split
from ....core.paths import Paths
from ....core.settings import Settings
from ....intermediate import figures
from ....intermediate.runs import save_run, write_latest
from ....intermediate.train import SearchOutcome, search_metrics
from ..evaluate import evaluate_texts
from ..steps import prepare as prepare_split
from .search import refit_best, search_candidates

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def search_figures(
    model: Pipeline, split: Split, settings: Settings, outcome: SearchOutcome
) -> dict[str, "Figure"]:
    """The candidates side by side, and the chosen model's learning curve."""
    task, seed = settings.project.task, settings.project.seed
    return {
        "cross_validation": figures.cross_validation_figure(outcome.candidates, task),
        "learning_curve": figures.learning_curve_figure(
            model, split.X_train, split.y_train, task, settings.search.folds, seed
        ),
    }


def train(paths: Paths, settings: Settings) -> dict[str, Any]:
    """Search, refit the best, evaluate, save; returns the run's metrics."""
    split = prepare_split(paths, settings)
    outcome = search_candidates(paths, settings, split)
    best = outcome.best
    print(
        f"refitting {best['name']} (trial {best['best_trial']}, TF-IDF "
        f"{best['features']}) on the training texts"
    )
    model = refit_best(settings, outcome, split)
    # Evaluate before writing anything, so a failure leaves the last good run in place.
    evaluation = evaluate_texts(model, split, settings.project)
    run_figures = {
        **evaluation.figures,
        **search_figures(model, split, settings, outcome),
    }
    metrics = {**evaluation.metrics, **search_metrics(settings, outcome)}
    # The run folder first: it is complete on its own, whatever happens next.
    run = save_run(paths, settings, metrics, run_figures)
    save_model(model, paths.model)
    write_latest(paths, run)
    return run.metrics
