"""One typed Settings: environment variables (ITPO_...) and an optional .env file."""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

if TYPE_CHECKING:
    from itpo.accounts.policy import AccountPolicy


class Settings(BaseSettings):
    """Every setting, with the help text `itpo settings` and the docs show."""

    model_config = SettingsConfigDict(env_prefix="ITPO_", env_file=".env", extra="ignore")

    data_dir: Path = Field(
        default=Path("itpo-data"),
        description="Folder for the SQLite database and the derived search index.",
    )
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL of the database; default: SQLite in data_dir. "
        "PostgreSQL: postgresql+psycopg://user:password@host/dbname.",
    )
    home_country: str = Field(
        default="CHN",
        description="ISO alpha-3 country of the office; directions of exchange "
        "(inbound, outbound, south-south) are seen from it.",
    )
    host: str = Field(default="127.0.0.1", description="Address `itpo serve` listens on.")
    port: int = Field(default=8000, ge=1, le=65535, description="Port `itpo serve` listens on.")
    page_size: int = Field(
        default=50, ge=1, le=1000, description="Default page size of API listings."
    )
    max_page_size: int = Field(
        default=1000, ge=1, description="Largest page an API listing returns at once."
    )
    max_upload_mb: int = Field(
        default=50, ge=1, description="Largest import file accepted over the API, in MB."
    )
    max_import_rows: int = Field(
        default=100_000,
        ge=1,
        description="Most rows (records) one import file may hold; reading stops at the next. "
        "An office's registry holds thousands of records, so a whole registry fits in one file "
        "many times over; a bigger load goes in several files.",
    )
    max_import_unzipped_mb: int = Field(
        default=200,
        ge=1,
        description="Largest an Excel import may be once unzipped, in MB; checked before it is "
        "opened. 60,000 opportunities with a page of detail each come to about 150 MB; a "
        "workbook far bigger than its rows need is refused before it can tie up the server.",
    )

    max_request_kb: int = Field(
        default=1024,
        ge=1,
        description="Largest request body the API accepts, in KB, except "
        "file uploads (see max_upload_mb).",
    )
    login_lockout_threshold: int = Field(
        default=5,
        ge=1,
        description="Consecutive failed sign-ins on one account from one address that lock "
        "the account for that address (other addresses still sign in).",
    )
    login_lockout_minutes: float = Field(
        default=15,
        gt=0,
        description="How long an account stays locked for that address, in minutes.",
    )
    login_ip_window_minutes: float = Field(
        default=15, gt=0, description="Window over which failed sign-ins from one address count."
    )
    login_ip_max_failures: int = Field(
        default=20,
        ge=1,
        description="Failed sign-ins one address may make within the window before it must wait.",
    )
    login_backoff_threshold: int = Field(
        default=50,
        ge=1,
        description="Failed sign-ins on one account from every address together that make "
        "it wait before any address may try again.",
    )
    login_backoff_window_hours: float = Field(
        default=24,
        gt=0,
        description="The count toward the back-off starts again after a successful sign-in "
        "or this many hours without a failure.",
    )
    login_backoff_minutes: float = Field(
        default=1,
        gt=0,
        description="The first back-off, in minutes; each further failure doubles it.",
    )
    login_backoff_max_minutes: float = Field(
        default=60, gt=0, description="The longest back-off, in minutes."
    )
    session_idle_hours: float = Field(
        default=12, gt=0, description="A session unused this many hours ends."
    )
    session_max_days: float = Field(
        default=7, gt=0, description="A session ends this many days after sign-in, however used."
    )
    password_reset_minutes: float = Field(
        default=60, gt=0, description="How long a password-reset token stays valid, in minutes."
    )

    public_url: str | None = Field(
        default=None,
        description="The platform's address as people reach it, for the links in its mail, "
        "e.g. https://exchange.itpo.example; default: http://HOST:PORT.",
    )
    smtp_host: str | None = Field(
        default=None,
        description="Mail server that sends the outbox; unset: messages are kept in the "
        "outbox for an administrator to read (/admin/mail, itpo mail list).",
    )
    smtp_port: int = Field(default=587, ge=1, le=65535, description="The mail server's port.")
    smtp_security: Literal["starttls", "tls", "none"] = Field(
        default="starttls",
        description="starttls (port 587), tls (implicit TLS, port 465) or none (a relay on "
        "this machine or a trusted network only).",
    )
    smtp_username: str | None = Field(
        default=None, description="Sign-in name at the mail server; unset: no sign-in."
    )
    smtp_password: SecretStr | None = Field(
        default=None, description="Password at the mail server (never shown or logged)."
    )
    smtp_ca_file: Path | None = Field(
        default=None,
        description="CA certificates (PEM) to trust for the mail server, for a relay with a "
        "private certificate; default: the system's.",
    )
    smtp_timeout_seconds: float = Field(
        default=20, gt=0, description="How long to wait for the mail server before trying later."
    )
    mail_from: str | None = Field(
        default=None,
        description="Sender of the platform's mail, e.g. ITPO Exchange <no-reply@itpo.example>; "
        "default: ITPO Exchange at no-reply@ the public address's host.",
    )
    reminder_quiet_days: int = Field(
        default=30,
        ge=1,
        le=365,
        description="A live deal without an interaction for this many days reminds its officer.",
    )
    renewal_notice_days: int = Field(
        default=30,
        ge=1,
        le=365,
        description="An opportunity this many days from expiring asks its owner to renew it.",
    )

    currency_rates: dict[str, float] = Field(
        default_factory=dict,
        description="US dollars per unit of each currency, as JSON, e.g. "
        '{"EUR": 1.08, "KES": 0.0077}; matching compares amounts with them. '
        "They extend or replace a built-in indicative table (USD, EUR, GBP, CNY, JPY, CHF).",
    )

    @field_validator("currency_rates")
    @classmethod
    def _rates(cls, value: dict[str, float]) -> dict[str, float]:
        from itpo.registry.reference import is_currency

        rates = {}
        for code, rate in value.items():
            key = code.strip().upper()
            if not is_currency(key):
                raise ValueError(f"{code!r} is not an ISO 4217 currency code")
            if not (math.isfinite(rate) and rate > 0):
                raise ValueError(f"the rate of {key} must be a positive number, not {rate}")
            rates[key] = float(rate)
        return rates

    @field_validator("home_country")
    @classmethod
    def _upper(cls, value: str) -> str:
        return value.strip().upper()

    def account_policy(self) -> AccountPolicy:
        """The sign-in and credential rules these settings describe."""
        from itpo.accounts.policy import AccountPolicy

        return AccountPolicy(
            lockout_threshold=self.login_lockout_threshold,
            lockout_minutes=self.login_lockout_minutes,
            ip_window_minutes=self.login_ip_window_minutes,
            ip_max_failures=self.login_ip_max_failures,
            backoff_threshold=self.login_backoff_threshold,
            backoff_window_hours=self.login_backoff_window_hours,
            backoff_minutes=self.login_backoff_minutes,
            backoff_max_minutes=self.login_backoff_max_minutes,
            session_idle_hours=self.session_idle_hours,
            session_max_days=self.session_max_days,
            reset_minutes=self.password_reset_minutes,
        )

    @property
    def resolved_public_url(self) -> str:
        return (self.public_url or f"http://{self.host}:{self.port}").rstrip("/")

    @property
    def resolved_mail_from(self) -> str:
        if self.mail_from:
            return self.mail_from
        from urllib.parse import urlsplit

        host = urlsplit(self.resolved_public_url).hostname or "localhost"
        return f"ITPO Exchange <no-reply@{host}>"

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'itpo.sqlite3'}"
