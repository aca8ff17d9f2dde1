"""The tradestats test suite."""
