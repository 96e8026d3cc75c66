"""Tests: the service tier (README, "Tests")."""
