"""The steps of a forecasting experiment (core/kind.py's `Steps`): fit on the past,
score on the last `horizon` steps."""

from ...core.artifacts import write_atomically
from ...core.evaluate import Evaluation
from ...core.paths import Paths
from ...core.settings import Settings
from .evaluate import evaluate as evaluate_forecasts
from .forecasters import Forecaster, LagForecaster
from .predict import forecast_next
from .series import Series, load_series, time_split


def prepare(paths: Paths, settings: Settings) -> Series:
    """The series, regular and gap-free, as the `data:` section says."""
    return load_series(paths, settings.project, settings.data, paths.default_config)


def build_forecaster(settings: Settings, season: int) -> LagForecaster:
    """model.py's Pipeline on the lag features the `features:` section sets."""
    from ....features import build_preprocessor
    from ....model import build_model

    model = build_model(build_preprocessor(), seed=settings.project.seed)
    return LagForecaster(model, settings.features.as_dict(), season)


def fit(settings: Settings, series: Series) -> LagForecaster:
    """The forecaster fitted on every step but the test period."""
    split = time_split(series.values, settings.project.horizon)
    return build_forecaster(settings, series.season).fit(split.train)


def evaluate(forecaster: Forecaster, series: Series, settings: Settings) -> Evaluation:
    return evaluate_forecasts(forecaster, series, settings.project)


def predict(forecaster: Forecaster, paths: Paths, settings: Settings) -> str:
    table = forecast_next(paths, settings, forecaster, settings.csv)
    output = settings.output or paths.predictions
    write_atomically(output, lambda temporary: table.to_csv(temporary, index=False))
    return (
        f"forecast of the {len(table)} steps from {table['date'].iloc[0]:%Y-%m-%d} "
        f"written to {output}"
    )
