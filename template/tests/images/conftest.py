"""Fixtures of the images kind: small folders of images the tests make themselves."""

import re
import shutil
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

# Three classes anyone can tell apart: dark images, bright images, vertical stripes.
CLASSES = ("dark", "bright", "stripes")


def make_image(kind: str, rng: np.random.Generator, size: int) -> np.ndarray:
    """One noisy grey image of a class, `size` pixels square, values 0..255."""
    noise = rng.normal(0, 20, (size, size))
    if kind == "dark":
        base = np.full((size, size), 50.0)
    elif kind == "bright":
        base = np.full((size, size), 200.0)
    else:
        base = np.where(np.arange(size) % 4 < 2, 230.0, 20.0)[None, :].repeat(size, 0)
    return np.clip(base + noise, 0, 255).astype(np.uint8)


def write_images(folder: Path, per_class: int = 12, seed: int = 0) -> Path:
    """A folder of class subfolders, as a learner brings it: PNG and JPEG files of
    mixed sizes and colour modes (grey, RGB, RGBA, palette)."""
    rng = np.random.default_rng(seed)
    modes = ("L", "RGB", "RGBA", "P")
    for kind in CLASSES:
        (folder / kind).mkdir(parents=True)
        for number in range(per_class):
            size = (16, 24, 40)[number % 3]
            image = Image.fromarray(make_image(kind, rng, size)).convert(
                modes[number % len(modes)]
            )
            jpeg = number % 5 == 0 and image.mode in ("L", "RGB")
            suffix = ".jpg" if jpeg else ".png"
            image.save(folder / kind / f"{kind}_{number:02d}{suffix}")
    return folder


@pytest.fixture(scope="session")
def make_images():
    """`write_images`, for a test that needs new images of the same classes."""
    return write_images


@pytest.fixture
def images(tmp_path: Path) -> Path:
    """A fresh folder of images in three classes, 12 of each."""
    return write_images(tmp_path / "images")


@pytest.fixture
def images_project(project, images: Path):
    """A fresh copy of the project, pointed at the made folder of images, read as
    12x12 colour images."""
    shutil.copytree(images, project.raw_data / "made-images")
    config = project.project_config
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^  dataset: .*$", "  dataset: folder", text)
    text = re.sub(r"(?m)^  images_dir: .*$", "  images_dir: data/raw/made-images", text)
    text = re.sub(r"(?m)^  image_size: .*$", "  image_size: 12", text)
    text = re.sub(r"(?m)^  color_mode: .*$", "  color_mode: RGB", text)
    config.write_text(text, encoding="utf-8")
    return project


@pytest.fixture(scope="session")
def images_train(fast_train, facts) -> list[str]:
    """Quick `train` overrides for the made folder: at the advanced tier, small
    batches and more epochs, since 24 training images make one batch of the default."""
    if facts.tier != "advanced":
        return list(fast_train)
    return [*fast_train, "--batches.batch_size=8", "--trainer.max_epochs=15"]
