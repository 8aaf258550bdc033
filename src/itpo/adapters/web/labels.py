"""Names for people of the codes records use (kinds, statuses, roles...), in English; the
catalogue `messages/zh/labels.json` translates them like any other text of the pages."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

LABELS: Mapping[str, str] = MappingProxyType(
    {
        # Opportunity kinds
        "technology_offer": "Technology offer",
        "technology_need": "Technology need",
        "investment_project": "Investment project",
        "investment_mandate": "Investment mandate",
        # Record statuses
        "draft": "Draft",
        "in_review": "In review",
        "published": "Published",
        "expired": "Expired",
        "closed": "Closed",
        # Disclosure
        "public": "Public",
        "anonymous": "Anonymous",
        "members": "Members only",
        # Cooperation types
        "licensing": "Licensing",
        "joint_venture": "Joint venture",
        "equity": "Equity",
        "loan": "Loan",
        "supply": "Supply",
        "distribution": "Distribution",
        "technical_assistance": "Technical assistance",
        "joint_rnd": "Joint R&D",
        # Directions of exchange
        "inbound": "Inbound",
        "outbound": "Outbound",
        "south_south": "South-South",
        "international": "International",
        "domestic": "Domestic",
        # Match states and verdicts
        "proposed": "Proposed",
        "shortlisted": "Shortlisted",
        "interested": "Interested",
        "introduced": "Introduced",
        "declined": "Declined",
        "accept": "Accept",
        "decline": "Decline",
        # Roles
        "administrator": "Administrator",
        "officer": "Officer",
        "member": "Member",
        # Token scopes
        "read": "Read",
        "write": "Write",
        "match": "Match",
        "admin": "Administer",
    }
)
