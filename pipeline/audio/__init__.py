"""Audio stage: an article becomes a narration script, then speech, then a mastered, tagged MP3 with captions.

The names below are this stage's public face. Each is imported when first used, so a build that
finds its audio current never loads numpy, the mastering chain or the image library.
"""

from __future__ import annotations

from pipeline.public import public_face

__all__, __getattr__, __dir__ = public_face(__name__, {
    "pipeline.audio.chapters_file": ("CHAPTERS_TYPE", "chapters_json"),
    "pipeline.audio.cover": ("title_card",),
    "pipeline.audio.estimate": ("estimated_listening_ms",),
    "pipeline.audio.mp3": ("record",),
    "pipeline.audio.narration": ("format_script", "narration_script"),
    "pipeline.audio.pronunciation.coverage": ("pronunciation_notes",),
    "pipeline.audio.pronunciation.practice_table": ("LEXICON_FILE", "with_lexicon_file"),
    "pipeline.audio.listening.alignment": ("Hearing", "Sentence", "hearings"),
    "pipeline.audio.listening.recogniser": ("HEARD_LANGUAGES", "heard"),
    "pipeline.audio.recording": ("Chapter", "Cue", "Recording"),
    "pipeline.audio.script": ("SECONDS_PER_CHARACTER", "SECONDS_PER_SENTENCE", "Script"),
    "pipeline.audio.speech": ("ENGINES", "MissingVoice", "Voice", "load_voice"),
    "pipeline.audio.speech.repeatable": ("outdated_models",),
    "pipeline.audio.speech.voices": ("bundled_voice",),
    "pipeline.audio.speech_cache": ("SpeechCache",),
})
