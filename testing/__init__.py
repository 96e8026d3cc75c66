"""What tests and benchmarks share: the fake Bot API server and the answer paths."""
