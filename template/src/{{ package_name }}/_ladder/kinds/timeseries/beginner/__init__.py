"""The time-series beginner rung: lag and calendar features into one Pipeline."""
