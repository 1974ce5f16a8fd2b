"""partreg: a council's partnership register, kept as YAML in git."""

__version__ = "0.1.0"
