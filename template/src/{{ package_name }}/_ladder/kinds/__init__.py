"""The problem kinds: one package per kind, each exporting KIND (core/kind.py).

A project holds its own kind's package only (the catalogue's selection table).
"""
