"""Rebuild stage: what each output is made from (its key), and the manifest that records it beside the outputs."""

from pipeline.rebuild.inputs import article_content, forget_versions, reads_version
from pipeline.rebuild.keys import (
    audio_key,
    chapters_key,
    ebook_key,
    email_key,
    handout_key,
    profile_as_read,
    scorecard_key,
    script_source_key,
)
from pipeline.rebuild.manifest import (
    MANIFEST,
    ArticleOutputs,
    Entry,
    Manifest,
    fingerprint,
    read_manifest,
    write_manifest,
)

__all__ = [
    "MANIFEST", "ArticleOutputs", "Entry", "Manifest", "article_content", "audio_key", "chapters_key", "ebook_key",
    "email_key", "fingerprint", "forget_versions", "handout_key", "profile_as_read", "read_manifest",
    "reads_version", "scorecard_key", "script_source_key", "write_manifest",
]
