"""The network: the file to open when you want to try deep learning on these images.

`build_network` returns a plain PyTorch `nn.Module`. The engine trains it with
Lightning and reports it beside the best scikit-learn candidate and the baseline. Its
arguments after the first two are the `network:` section of configs/default.yaml: add
an argument here (with a type and a default) and it becomes a key there, checked on
start. The first two come from the data: the shape of one image (channels, height,
width), and the number of classes. `build_augmentation` varies the training images.
"""

from typing import Literal

import torch
from torch import nn
from torchvision import models
from torchvision.transforms import v2


class ConvNet(nn.Sequential):
    """3x3 convolutions find strokes and edges, max-pools keep the strongest, and a
    dense layer decides."""

    def __init__(
        self,
        input_shape: tuple[int, int, int],
        n_outputs: int,
        channels: tuple[int, ...],
        hidden_size: int,
        dropout: float,
    ) -> None:
        in_channels, side, _ = input_shape
        layers: list[nn.Module] = []
        for out_channels in channels:
            layers += [
                nn.Conv2d(in_channels, out_channels, kernel_size=3, padding=1),
                nn.BatchNorm2d(out_channels),
                nn.ReLU(),
            ]
            # Halve height and width while the image is large enough (8x8 -> 4x4).
            if side >= 8:
                layers.append(nn.MaxPool2d(2))
                side //= 2
            in_channels = out_channels
        super().__init__(
            *layers,
            nn.Flatten(),
            nn.Linear(in_channels * side * side, hidden_size),
            nn.ReLU(),
            nn.Dropout(dropout),
            nn.Linear(hidden_size, n_outputs),
        )


class Pretrained(nn.Module):
    """A ResNet-18 trained on ImageNet, its last layer replaced by one for our classes.

    `weights` is "DEFAULT" (torchvision downloads them once: needs internet) or the
    path of a state_dict saved with torch.save. Grey images are repeated on the three
    colour channels the ResNet expects.
    """

    def __init__(self, n_outputs: int, weights: str, freeze: bool) -> None:
        super().__init__()
        if weights == "DEFAULT":
            self.backbone = models.resnet18(weights=models.ResNet18_Weights.DEFAULT)
        else:
            self.backbone = models.resnet18()
            state = torch.load(weights, map_location="cpu", weights_only=True)
            self.backbone.load_state_dict(state)
        if freeze:  # train the new last layer only: fast, and enough for a start
            self.backbone.requires_grad_(False)
        self.backbone.fc = nn.Linear(self.backbone.fc.in_features, n_outputs)

    def forward(self, images: torch.Tensor) -> torch.Tensor:
        return self.backbone(images.expand(-1, 3, -1, -1))


def build_network(
    input_shape: tuple[int, ...],
    n_outputs: int,
    backbone: Literal["convnet", "resnet18"] = "convnet",
    channels: tuple[int, ...] = (32, 64),
    hidden_size: int = 128,
    dropout: float = 0.25,
    weights: str = "DEFAULT",
    freeze_backbone: bool = False,
) -> nn.Module:
    """A small CNN trained from scratch, or a pretrained ResNet-18 fine-tuned.

    Args:
        input_shape: one image as (channels, height, width).
        n_outputs: one score (logit) per class; the highest one is the prediction.
        backbone: convnet (small, from scratch) or resnet18 (transfer learning).
        channels: convnet: output channels of each 3x3 convolution.
        hidden_size: convnet: width of the dense layer before the outputs.
        dropout: convnet: the share of activations zeroed at random while training.
        weights: resnet18: "DEFAULT" for torchvision's ImageNet weights (a download),
            or the path of a state_dict file.
        freeze_backbone: resnet18: train the new last layer only.
    """
    # Try next: a third convolution, more channels, or backbone resnet18 on photos
    # (image_size 64 or more in configs/project.yaml); does it beat the best
    # scikit-learn model now?
    if backbone == "resnet18":
        return Pretrained(n_outputs, weights, freeze_backbone)
    return ConvNet(tuple(input_shape), n_outputs, channels, hidden_size, dropout)


def build_augmentation(image_size: int) -> v2.Transform:
    """How a training image is varied each time the network sees it: a small random
    shift and turn, so the network learns the shape, not its exact place. The
    validation and test images are never varied.

    Try next: v2.RandomHorizontalFlip() for photos (never for digits: a flipped 3 is
    no 3), or v2.RandomResizedCrop(image_size, scale=(0.8, 1.0)).
    """
    return v2.RandomAffine(degrees=10, translate=(0.1, 0.1))
