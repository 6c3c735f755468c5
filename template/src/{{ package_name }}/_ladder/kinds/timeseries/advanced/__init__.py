"""The time-series advanced rung: a sequence network over sliding windows, trained by
Lightning with the shared Trainer flags, beside the best classical forecaster."""
