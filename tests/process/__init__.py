"""Tests: the process tier (README, "Tests")."""
