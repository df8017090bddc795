"""Reminders that reach owners: each person's to-dos as a GitHub issue
(`issues`), opened, brought up to date and closed by `github`."""
