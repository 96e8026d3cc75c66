"""Tests: the storage tier (README, "Tests")."""
