"""The portfolio's progress figure: projects finished over time, by tier, and how far
each project went from its baseline towards a perfect score (one scale for accuracy,
R², MASE and the adjusted Rand index alike). Drawn with matplotlib's object API (no
pyplot, so no display or global state), saved only when its bytes change."""

from datetime import timedelta
from io import BytesIO
from pathlib import Path

from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, DayLocator
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from .overview import Row

TIER_COLOURS = {"beginner": "#4c9be8", "intermediate": "#f0a030", "advanced": "#d0463c"}
OTHER_COLOUR = "#888888"


# Fewer days than this between the first and the last project: a tick per day.
FEW_DAYS = 10


def progress_png(rows: list[Row]) -> bytes:
    buffer = BytesIO()
    # No software or date stamp, so the same projects give the same bytes.
    progress_figure(rows).savefig(
        buffer, format="png", dpi=100, metadata={"Software": None}
    )
    return buffer.getvalue()


def progress_figure(rows: list[Row]) -> Figure:
    trained = [row for row in rows if row.result is not None]
    figure = Figure(figsize=(10, 4), layout="constrained")
    over_time, lifts = figure.subplots(1, 2)

    # By day: the hour a project was trained is noise at the challenge's scale.
    dated = sorted(
        (row.result.evaluated_at.date(), row.project.tier)
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
        first, last = dated[0][0], dated[-1][0]
        if (last - first).days < FEW_DAYS:
            # Left to itself, matplotlib would tick hours, even minutes, of one day.
            over_time.set_xlim(first - timedelta(days=1), last + timedelta(days=1))
            locator = DayLocator()
        else:
            locator = AutoDateLocator(minticks=3)
        over_time.xaxis.set_major_locator(locator)
        over_time.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    else:
        over_time.text(0.5, 0.5, "no trained project yet", ha="center", va="center")

    scored = [row for row in trained if row.result.gap_closed is not None]
    numbers = [f"#{row.project.number:03d}" for row in scored]
    values = [row.result.gap_closed for row in scored]
    colours = [TIER_COLOURS.get(row.project.tier, OTHER_COLOUR) for row in scored]
    lifts.bar(numbers, values, color=colours)
    lifts.axhline(0, color="black", linewidth=0.8)
    lifts.axhline(1, color="grey", linewidth=0.8, linestyle="--")
    lifts.set_title("From the baseline towards a perfect score")
    lifts.set_ylabel("share of the way (1: perfect, 0: the baseline)")
    if not scored:
        lifts.text(0.5, 0.5, "no trained project yet", ha="center", va="center")
    return figure


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write `data` unless `path` holds it already; True if written."""
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(data)
    temporary.replace(path)
    return True
