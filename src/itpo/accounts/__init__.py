"""Accounts: offices, users and their roles, sign-in, sessions, API tokens and the audit log."""
