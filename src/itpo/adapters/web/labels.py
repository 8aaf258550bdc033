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
        # Review steps (also "submitted" and "published")
        "sent_back": "Sent back",
        "renewed": "Renewed",
        # Practice cases: a status and the steps that make versions
        "withdrawn": "Withdrawn",
        "created": "Created",
        "edited": "Edited",
        "imported": "Imported",
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
        # Deals: stages, statuses, verification, agreements, sources
        "negotiating": "Negotiating",
        "agreement_signed": "Agreement signed",
        "operational": "Operational",
        "active": "Active",
        "on_hold": "On hold",
        "dropped": "Dropped",
        "none": "Not submitted",
        "submitted": "Submitted",
        "verified": "Verified",
        "returned": "Sent back",
        "licence": "Licence",
        "joint_rd": "Joint R&D",
        "source_match": "An introduced match",
        "source_meeting": "A B2B meeting",
        "source_outside": "Brokered outside the platform",
        # Evidence and interactions
        "signed_agreement": "Signed agreement",
        "registration": "Registration",
        "press_release": "Press release",
        "site_visit": "Site visit",
        "invoice": "Invoice or payment",
        "other": "Other",
        "meeting": "Meeting",
        "call": "Call",
        "visit": "Visit",
        "email": "E-mail",
        # How much the office's support mattered
        "additionality_essential": "Essential: it would not have happened without the office",
        "additionality_significant": "Significant: sooner, bigger or better",
        "additionality_some": "Some",
        "additionality_none": "None: it would have happened anyway",
        # Roles
        "administrator": "Administrator",
        "officer": "Officer",
        "member": "Member",
        # Token scopes
        "read": "Read",
        "write": "Write",
        "match": "Match",
        "admin": "Administer",
        # events
        "forum": "Investment forum",
        "delegation": "Delegation visit",
        "pending": "Waiting for an answer",
        "accepted": "Accepted",
        "cancelled": "Withdrawn",
        "scheduled": "Scheduled",
        "held": "Held",
        "no_show": "No-show",
        "not_held": "Did not take place",
        "no_interest": "No interest",
        "informative": "Informative, no cooperation",
        "cooperation_possible": "Cooperation possible",
        "optimal": "Optimal (proven)",
        "feasible": "Good, not proven optimal",
        "infeasible": "Impossible as locked",
        "unknown": "No schedule found in time",
    }
)
