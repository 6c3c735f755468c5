"""The text kind: labelled texts, a TF-IDF pipeline, then a network, tier by tier."""
