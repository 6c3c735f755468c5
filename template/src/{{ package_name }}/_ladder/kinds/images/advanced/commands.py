"""The images kind's advanced rung adds no command: the shared advanced `train`,
`evaluate` and `report` serve images too (tensors.py shapes and augments them), and
the images kind's `predict` loads the network at this tier."""

COMMANDS: list = []
