"""The images kind's advanced rung: images as tensors for the network (tensors.py)."""
