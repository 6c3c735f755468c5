"""The time-series kind: forecast the next steps of one value from its past.

Its rungs (beginner/, intermediate/, advanced/) climb after the shared ones; the
modules beside them hold what every rung of the kind shares: loading the series and
splitting it by time, the forecasters, the scores and the figures.
"""
