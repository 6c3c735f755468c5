"""The template's Jinja extension, split by job: the catalogue (tiers, kinds,
datasets), the answers' validators, escaping for each generated language, and the
inspection of the learner's own data. Copier loads it through entry.py; the tests and
the benchmarks import it as `ml100_jinja` (it is not the hub, `ml100`).
"""
