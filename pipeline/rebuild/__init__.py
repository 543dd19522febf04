"""Rebuild stage: what each output is made from (its key), and the manifest that records it beside the outputs."""

from pipeline.rebuild.inputs import article_content, forget_versions, reads_version
from pipeline.rebuild.keys import (
    audio_key,
    chapters_key,
    current_files,
    ebook_key,
    email_key,
    handout_key,
    output_names,
    profile_as_read,
    scorecard_key,
    script_digest,
)
from pipeline.rebuild.manifest import (
    MANIFEST,
    ArticleOutputs,
    Entry,
    Manifest,
    fingerprint,
    read_manifest,
    recording_facts,
    recording_from_facts,
    write_manifest,
)

__all__ = [
    "MANIFEST", "ArticleOutputs", "Entry", "Manifest", "article_content", "audio_key", "chapters_key",
    "current_files", "ebook_key", "email_key", "fingerprint", "forget_versions", "handout_key", "output_names",
    "profile_as_read", "read_manifest", "reads_version", "recording_facts", "recording_from_facts", "scorecard_key",
    "script_digest", "write_manifest",
]
