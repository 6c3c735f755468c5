"""The advanced rung: a PyTorch network trained by Lightning, beside the best
scikit-learn candidate of the intermediate rung and the baseline."""
