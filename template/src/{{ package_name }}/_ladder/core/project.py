"""The facts about this project: configs/project.yaml, written from your answers.

They decide what the engine does (which dataset, which task, which column to
predict), so the engine's code is the same for every project. Change them with
`copier update --data ...` rather than by hand, so the rest of the project follows.
"""

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Project:
    """The `project:` section of configs/project.yaml."""

    number: int
    title: str
    slug: str
    tier: Literal["beginner", "intermediate", "advanced"]
    # The problem kind: what the data is (rows and columns, texts, images, ...); its
    # package is _ladder/kinds/<kind>/.
    kind: str
    # A dataset scikit-learn ships (iris, wine, ...) or "csv" for your own file.
    dataset: str
    # clustering: find groups without answers (the target, if any, is hidden from the
    # models and only scores their groups). forecasting: the next steps of a series.
    task: Literal["classification", "regression", "clustering", "forecasting"]
    # The column to predict; for clustering, the hidden labels ("" when there are none).
    target: str
    # Where the blog post will be published: it decides the draft's shape.
    blog_platform: Literal["markdown", "hugo", "jekyll", "devto", "medium"] = "markdown"
    # The project's public repository: dev.to and Medium posts load figures from it.
    repository_url: str = ""
    # A time series: the steps to forecast, and your CSV's column of dates.
    horizon: int | None = None
    date_column: str | None = None
    # Your CSV under data/raw/, when dataset is csv.
    csv_file: str | None = None
    # The column that holds the texts, for the text kind.
    text_column: str | None = None
    # Images: the folder under data/raw/ with one subfolder of images per class, and
    # the square size (in pixels) and colour mode ("L" grey, "RGB") each image gets.
    images_dir: str | None = None
    image_size: int = 32
    color_mode: Literal["L", "RGB"] = "L"
    # One seed for every random step, so two runs give the same numbers.
    seed: int = 42
    # The share of rows held out for the final test score.
    test_size: float = 0.2

    @property
    def data_source(self) -> str:
        """The data as metrics.json and the draft name it: the built-in dataset, or
        your file or folder under data/raw/."""
        return self.csv_file or self.images_dir or self.dataset

    @property
    def is_classification(self) -> bool:
        return self.task == "classification"
