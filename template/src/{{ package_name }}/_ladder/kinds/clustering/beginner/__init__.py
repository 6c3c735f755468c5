"""The clustering kind's beginner rung: scaling and KMeans in one Pipeline."""
