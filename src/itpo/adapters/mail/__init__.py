"""Sending the outbox: SMTP from the settings, and the courier that runs beside the server."""
