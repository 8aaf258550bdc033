"""Messages as plain data for the API, the pages and the command line."""

from __future__ import annotations

from typing import Any

from itpo.mail.model import Message


def message_summary_dict(message: Message) -> dict[str, Any]:
    return {
        "id": message.id,
        "kind": message.kind.value,
        "to": message.to,
        "subject": message.subject,
        "state": message.state.value,
        "attempts": message.attempts,
        "last_error": message.last_error,
        "subject_type": message.subject_type,
        "subject_id": message.subject_id,
        "created_at": message.created_at,
        "next_attempt_at": message.next_attempt_at,
        "sent_at": message.sent_at,
    }


def message_dict(message: Message) -> dict[str, Any]:
    return {**message_summary_dict(message), "body": message.body}
