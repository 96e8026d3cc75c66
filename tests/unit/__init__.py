"""Tests: the unit tier (README, "Tests")."""
