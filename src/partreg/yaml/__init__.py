"""YAML for partreg: the code that reads and writes register files as YAML."""
