"""The clustering kind's advanced rung: an autoencoder trained by Lightning, KMeans on
its embedding, its reconstruction error as anomaly score; beside the best classical
candidate and the baseline."""
