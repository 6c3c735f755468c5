"""The portfolio's progress figure: projects finished over time, by tier, and each
project's lift over its baseline. Drawn with matplotlib's object API (no pyplot, so no
display or global state), saved only when its bytes change."""

from io import BytesIO
from pathlib import Path

from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from .overview import Row

TIER_COLOURS = {"beginner": "#4c9be8", "intermediate": "#f0a030", "advanced": "#d0463c"}
OTHER_COLOUR = "#888888"


def progress_png(rows: list[Row]) -> bytes:
    trained = [row for row in rows if row.result is not None]
    figure = Figure(figsize=(10, 4), layout="constrained")
    over_time, lifts = figure.subplots(1, 2)

    dated = sorted(
        (row.result.evaluated_at, row.project.tier)
        for row in trained
        if row.result.evaluated_at is not None
    )
    for tier, colour in TIER_COLOURS.items():
        days = [when for when, its_tier in dated if its_tier == tier]
        if days:
            counts = range(1, len(days) + 1)
            over_time.step(days, counts, where="post", color=colour, label=tier)
            over_time.plot(days, counts, "o", color=colour, markersize=4)
    over_time.set_title("Projects finished (trained) over time")
    over_time.set_ylabel("projects")
    over_time.yaxis.set_major_locator(MaxNLocator(integer=True))
    if dated:
        over_time.legend(loc="upper left")
        locator = AutoDateLocator()
        over_time.xaxis.set_major_locator(locator)
        over_time.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    else:
        over_time.text(0.5, 0.5, "no trained project yet", ha="center", va="center")

    numbers = [f"#{row.project.number:03d}" for row in trained]
    values = [row.result.lift for row in trained]
    colours = [TIER_COLOURS.get(row.project.tier, OTHER_COLOUR) for row in trained]
    lifts.bar(numbers, values, color=colours)
    lifts.axhline(0, color="black", linewidth=0.8)
    lifts.set_title("Lift over the baseline (primary metric)")
    lifts.set_ylabel("above 0: beats the baseline")
    if not trained:
        lifts.text(0.5, 0.5, "no trained project yet", ha="center", va="center")

    buffer = BytesIO()
    # No software or date stamp, so the same projects give the same bytes.
    figure.savefig(buffer, format="png", dpi=100, metadata={"Software": None})
    return buffer.getvalue()


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write `data` unless `path` holds it already; True if written."""
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(data)
    temporary.replace(path)
    return True
