"""What every tier shares: paths, configuration, data, metrics, evaluation, report."""
