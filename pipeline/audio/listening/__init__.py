"""Audio stage, listening back: each recording transcribed offline and compared with its narration script.

Opt-in: the recogniser comes with the `listen` extra (`.venv/bin/pip install -e '.[listen]'`, which
`make test` installs); the build never needs it.
"""
