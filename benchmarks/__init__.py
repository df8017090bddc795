"""Development tools of the handbook: the benchmark and its synthetic data."""
