"""Account tables: offices, users, their credentials, sign-in attempts and the audit log. They
join the registry's `metadata`, so migrations and schema comparison see one schema."""

from __future__ import annotations

import sqlalchemy as sa

from itpo.adapters.storage.tables import JsonList, Timestamp, metadata

office = sa.Table(
    "office",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(200), nullable=False, unique=True),
    sa.Column("country", sa.String(3), nullable=False),
    sa.Column("city", sa.String(100)),
    sa.Column("created_at", Timestamp, nullable=False),
)

# "user" is a reserved word in PostgreSQL; "user_account" needs no quoting anywhere.
user_account = sa.Table(
    "user_account",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("email", sa.String(254), nullable=False, unique=True),  # stored lower-case
    sa.Column("display_name", sa.String(200), nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("password_hash", sa.String(200), nullable=False),
    sa.Column("office_id", sa.Integer, sa.ForeignKey("office.id", ondelete="RESTRICT"), index=True),
    sa.Column(
        "organisation_id",
        sa.Integer,
        sa.ForeignKey("organisation.id", ondelete="RESTRICT"),
        index=True,
    ),
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("failed_logins", sa.Integer, nullable=False),
    sa.Column("locked_until", Timestamp),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Column("last_login_at", Timestamp),
    sa.Column("last_failed_login_at", Timestamp),
    sa.CheckConstraint("role IN ('administrator', 'officer', 'member')", name="role"),
    # Members belong to an organisation; officers and administrators to an office instead.
    sa.CheckConstraint(
        "(role = 'member' AND organisation_id IS NOT NULL) OR "
        "(role <> 'member' AND organisation_id IS NULL AND office_id IS NOT NULL)",
        name="belongs",
    ),
)

api_token = sa.Table(
    "api_token",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "user_id",
        sa.Integer,
        sa.ForeignKey("user_account.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("scopes", JsonList, nullable=False),
    sa.Column("prefix", sa.String(16), nullable=False),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Column("expires_at", Timestamp),
    sa.Column("last_used_at", Timestamp),
    sa.Column("revoked_at", Timestamp),
    # The token this one was made with: revoking it stops this one too.
    sa.Column(
        "parent_id", sa.Integer, sa.ForeignKey("api_token.id", ondelete="CASCADE"), index=True
    ),
)

user_session = sa.Table(
    "user_session",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "user_id",
        sa.Integer,
        sa.ForeignKey("user_account.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("session_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("csrf_secret", sa.String(64), nullable=False),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Column("expires_at", Timestamp, nullable=False),
    sa.Column("last_seen_at", Timestamp, nullable=False),
    sa.Column("ip", sa.String(64)),
    sa.Column("user_agent", sa.String(300)),
)

password_reset = sa.Table(
    "password_reset",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "user_id",
        sa.Integer,
        sa.ForeignKey("user_account.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Column("expires_at", Timestamp, nullable=False),
    sa.Column("used_at", Timestamp),
)

# Failed and successful sign-ins, so that limits per address hold across workers and restarts.
login_attempt = sa.Table(
    "login_attempt",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("at", Timestamp, nullable=False, index=True),
    sa.Column("ip", sa.String(64)),
    sa.Column("email", sa.String(254), nullable=False),
    sa.Column("succeeded", sa.Boolean, nullable=False),
    sa.Index("ix_login_attempt_ip_at", "ip", "at"),
)

# Failures on one account from one address ("" when it is not known), and until when that
# address is refused for that account. Rows go with their user.
sign_in_lock = sa.Table(
    "sign_in_lock",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "user_id",
        sa.Integer,
        sa.ForeignKey("user_account.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("ip", sa.String(64), nullable=False),
    sa.Column("failures", sa.Integer, nullable=False),
    sa.Column("locked_until", Timestamp),
    sa.Column("updated_at", Timestamp, nullable=False),
    sa.UniqueConstraint("user_id", "ip"),
)

# Append-only: the repository only inserts and reads, and triggers (migration 0005) refuse
# UPDATE and DELETE. The actor is no foreign key: the log outlives anything it mentions.
audit_entry = sa.Table(
    "audit_entry",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("at", Timestamp, nullable=False, index=True),
    sa.Column("actor_id", sa.Integer, index=True),
    sa.Column("actor_label", sa.String(300), nullable=False),
    sa.Column("action", sa.String(64), nullable=False, index=True),
    sa.Column("subject_type", sa.String(64), nullable=False),
    sa.Column("subject_id", sa.String(100)),
    sa.Column("ip", sa.String(64)),
    sa.Column("detail", JsonList, nullable=False),
    sa.Index("ix_audit_entry_subject", "subject_type", "subject_id"),
)
