"""The engine: plumbing the template owns, one folder per rung of the ladder.

core/ serves every tier; beginner/, intermediate/ and advanced/ each add the commands
and config sections of their tier. `copier update` replaces this folder freely: your
files are the ones beside it (features.py, model.py, ...) and configs/.
"""
