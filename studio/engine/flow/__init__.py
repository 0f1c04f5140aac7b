"""Flow matching: speech tokens -> mel frames."""
