"""The text kind's beginner rung: TF-IDF and a linear model in one Pipeline."""
