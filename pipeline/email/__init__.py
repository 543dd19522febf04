"""E-mail stage: handouts become a draft a clinician addresses to a client and sends, readable by every mail program."""

from pipeline.email.draft import attachment_name, draft_size_warning, real_attachment_name, render_email
from pipeline.email.headers import header_text
from pipeline.email.message import Attachment, unsent_draft
from pipeline.email.senders import Sender, sender, subject

__all__ = ["Attachment", "Sender", "attachment_name", "draft_size_warning", "header_text",
           "real_attachment_name", "render_email", "sender", "subject", "unsent_draft"]
