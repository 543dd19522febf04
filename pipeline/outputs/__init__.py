"""Outputs: the registry of every file the build writes, and the upload set made from it."""

from pipeline.outputs.registry import (
    ONLY_WORDS,
    OUTPUTS,
    REGISTRY,
    Audience,
    Output,
    article_outputs,
    client_files,
    file_names,
    needed_by,
    offered,
    output,
    packet_files,
    selected,
    still_current,
    words_needing,
)

__all__ = [
    "ONLY_WORDS", "OUTPUTS", "REGISTRY", "article_outputs", "Audience", "client_files", "file_names", "needed_by",
    "offered", "output", "Output", "packet_files", "selected", "still_current", "words_needing",
]
