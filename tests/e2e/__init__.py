"""Tests: the e2e tier (README, "Tests")."""
