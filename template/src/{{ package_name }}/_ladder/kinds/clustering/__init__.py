"""The clustering kind: groups and unusual rows found without labels.

Its modules serve every tier (data, scores, anomalies, profiles, figures, report);
its rungs (`beginner/`, ...) hold each tier's `train` and commands, which replace the
tabular ones of the same name.
"""
