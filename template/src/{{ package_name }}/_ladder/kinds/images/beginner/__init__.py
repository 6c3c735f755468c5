"""The images kind's first rung: `predict` for a folder or a list of image files."""
