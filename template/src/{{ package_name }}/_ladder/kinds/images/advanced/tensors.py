"""Images as the network sees them, for the rows' DataModule: (channels, height,
width) tensors standardised by features.py, training ones varied at each draw by
network.py's `build_augmentation` (change it there)."""

import torch
from torch.utils.data import Dataset, TensorDataset

from .....network import build_augmentation
from ..data import image_shape

# The shape of one image: (channels, height, width).
row_shape = image_shape


class AugmentedImages(Dataset):
    """Images and their classes; each image is transformed anew at every draw."""

    def __init__(self, images: torch.Tensor, targets: torch.Tensor, augment) -> None:
        self.images, self.targets, self.augment = images, targets, augment

    def __len__(self) -> int:
        return len(self.images)

    def __getitem__(self, index: int) -> tuple[torch.Tensor, torch.Tensor]:
        return self.augment(self.images[index]), self.targets[index]


def dataset(images: torch.Tensor, targets: torch.Tensor, train: bool) -> Dataset:
    """Training images augmented; validation images as they are."""
    if not train:
        return TensorDataset(images, targets)
    return AugmentedImages(images, targets, build_augmentation(images.shape[-1]))
