"""Mail: an outbox kept in the database first and sent after, so nothing is lost while the mail
server is down, and the messages the platform writes (confirmation links, reset links,
reminders, digests of new matches)."""
