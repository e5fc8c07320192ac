"""The report stage: each output format is one module with a pure ``render`` function."""
