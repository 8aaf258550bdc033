"""Evidence documents behind a deal's outcome: type- and size-checked from their first bytes,
kept with a SHA-256 checksum, shown to the deal's parties and officers, every download
audited."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace

from itpo.accounts.access import require_scope
from itpo.accounts.audit import record
from itpo.accounts.model import Scope
from itpo.accounts.principal import Principal
from itpo.clock import Clock, utc_now
from itpo.pipeline.access import require_party_or_officer
from itpo.pipeline.deals import seen_deal
from itpo.pipeline.model import Evidence, EvidenceKind
from itpo.pipeline.people import label_of
from itpo.pipeline.ports import PipelineUnitOfWork
from itpo.registry.errors import FieldError, NotFound, ValidationError
from itpo.registry.fields import control_problem

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
MAX_FILENAME = 200
MAX_DESCRIPTION = 500


@dataclass(frozen=True, slots=True)
class DocumentType:
    media_type: str
    extensions: tuple[str, ...]
    magic: tuple[bytes, ...]


# Documents an officer files as evidence; anything else (a web page, a program) is refused,
# whatever its name says, because the file is served back to other people.
DOCUMENT_TYPES: tuple[DocumentType, ...] = (
    DocumentType("application/pdf", (".pdf",), (b"%PDF-",)),
    DocumentType("image/png", (".png",), (b"\x89PNG\r\n\x1a\n",)),
    DocumentType("image/jpeg", (".jpg", ".jpeg"), (b"\xff\xd8\xff",)),
    DocumentType(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (".docx",),
        (b"PK\x03\x04",),
    ),
    DocumentType(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        (".xlsx",),
        (b"PK\x03\x04",),
    ),
)


def add_evidence(
    *,
    uow: PipelineUnitOfWork,
    by: Principal,
    deal_id: int,
    kind: str,
    filename: str,
    content: bytes,
    description: str | None = None,
    max_bytes: int = MAX_EVIDENCE_BYTES,
    now: Clock = utc_now,
) -> Evidence:
    """File a document on a deal (its parties and officers): a PDF, an image or an Office
    document, recognised by its content and its name together; audited."""
    require_scope(by, Scope.WRITE)
    with uow:
        deal = seen_deal(uow, by, deal_id)
        require_party_or_officer(by, deal, "add evidence to it")
        evidence = _checked(deal_id, kind, filename, content, description, max_bytes, by, now)
        evidence_id = uow.evidence.add(evidence, content)
        record(
            uow=uow,
            by=by,
            action="evidence.create",
            subject_type="evidence",
            subject_id=evidence_id,
            detail={"deal_id": deal_id, "sha256": evidence.sha256, "size": evidence.size},
            now=now,
        )
        uow.commit()
    return _with_id(evidence, evidence_id)


def list_evidence(*, uow: PipelineUnitOfWork, by: Principal, deal_id: int) -> list[Evidence]:
    """What documents a deal holds (not their content): its parties and officers."""
    with uow:
        seen_deal(uow, by, deal_id)
        return uow.evidence.for_deal(deal_id)


def evidence_content(
    *, uow: PipelineUnitOfWork, by: Principal, evidence_id: int, now: Clock = utc_now
) -> tuple[Evidence, bytes]:
    """A document and its bytes, checked against its checksum, for the deal's parties and
    officers; every view is audited. For anyone else it does not exist."""
    with uow:
        found = uow.evidence.get(evidence_id)
        if found is None:
            raise NotFound("evidence", evidence_id)
        try:
            seen_deal(uow, by, found.deal_id)
        except NotFound:
            raise NotFound("evidence", evidence_id) from None
        content = uow.evidence.content(evidence_id)
        if content is None or hashlib.sha256(content).hexdigest() != found.sha256:
            raise NotFound("evidence", evidence_id)
        record(
            uow=uow,
            by=by,
            action="evidence.view",
            subject_type="evidence",
            subject_id=evidence_id,
            detail={"deal_id": found.deal_id},
            now=now,
        )
        uow.commit()
    return found, content


def document_type(filename: str, content: bytes) -> DocumentType | None:
    """The type a file is, when its name and its first bytes agree on one we accept."""
    lower = filename.lower()
    for candidate in DOCUMENT_TYPES:
        if lower.endswith(candidate.extensions) and content.startswith(candidate.magic):
            return candidate
    return None


def _checked(
    deal_id: int,
    kind: str,
    filename: str,
    content: bytes,
    description: str | None,
    max_bytes: int,
    by: Principal,
    now: Clock,
) -> Evidence:
    errors: list[FieldError] = []
    parsed_kind = None
    try:
        parsed_kind = EvidenceKind(str(kind).strip().lower())
    except ValueError:
        allowed = ", ".join(k.value for k in EvidenceKind)
        errors.append(FieldError("kind", f"{kind!r} is not one of: {allowed}"))
    name = _filename(filename, errors)
    found = None
    if not content:
        errors.append(FieldError("file", "is empty"))
    elif len(content) > max_bytes:
        errors.append(
            FieldError("file", f"is {len(content)} bytes; at most {max_bytes} are accepted")
        )
    elif name:
        found = document_type(name, content)
        if found is None:
            accepted = ", ".join(e for t in DOCUMENT_TYPES for e in t.extensions)
            errors.append(
                FieldError("file", f"{name!r} is not a document of an accepted type ({accepted})")
            )
    text = (description or "").strip()
    if len(text) > MAX_DESCRIPTION or control_problem(text):
        errors.append(
            FieldError("description", f"at most {MAX_DESCRIPTION} characters of plain text")
        )
    if errors or parsed_kind is None or found is None:
        raise ValidationError(errors)
    return Evidence(
        deal_id=deal_id,
        kind=parsed_kind,
        filename=name,
        media_type=found.media_type,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        description=text,
        uploaded_by_id=by.user_id,
        uploaded_by=label_of(by),
        uploaded_at=now(),
    )


def _filename(value: str, errors: list[FieldError]) -> str:
    # Only the last part of a path, in case a browser sends one, and no characters that would
    # need escaping in a download's header.
    name = re.split(r"[\\/]", value or "")[-1].strip()
    name = re.sub(r'[\x00-\x1f\x7f"]', "", name)
    if not name:
        errors.append(FieldError("filename", "is required"))
    elif len(name) > MAX_FILENAME:
        errors.append(FieldError("filename", f"at most {MAX_FILENAME} characters"))
    return name


def _with_id(evidence: Evidence, evidence_id: int) -> Evidence:
    return replace(evidence, id=evidence_id)
