"""Keys hold versions and content digests, never paths: a checkout moved with its .venv rebuilds nothing."""

from __future__ import annotations

import imageio_ffmpeg

from pipeline.rebuild import forget_versions, inputs, reads_version


def test_the_audio_key_does_not_hold_the_ffmpeg_path(monkeypatch) -> None:
    forget_versions()
    inputs._ffmpeg_version.cache_clear()
    before = reads_version("audio")
    monkeypatch.setattr(imageio_ffmpeg, "get_ffmpeg_exe", lambda: "/moved/checkout/.venv/bin/ffmpeg")
    forget_versions()
    inputs._ffmpeg_version.cache_clear()
    assert reads_version("audio") == before
