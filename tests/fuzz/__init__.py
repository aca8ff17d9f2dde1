"""Fuzz tests: every public entry point that takes text, bytes or plain data, fed hostile input."""
