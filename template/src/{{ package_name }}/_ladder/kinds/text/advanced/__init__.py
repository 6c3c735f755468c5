"""The text kind's advanced rung: a tokenizer learned from the training texts and a
network over its tokens, trained by Lightning beside the best TF-IDF model."""
