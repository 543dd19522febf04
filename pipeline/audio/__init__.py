"""Audio stage: an article becomes a narration script, then speech, then a mastered, tagged MP3 with captions."""

from pipeline.audio.chapters_file import CHAPTERS_TYPE, chapters_json
from pipeline.audio.cover import title_card
from pipeline.audio.mp3 import record
from pipeline.audio.narration import format_script, narration_script
from pipeline.audio.recording import Chapter, Cue, Recording
from pipeline.audio.script import SECONDS_PER_CHARACTER, SECONDS_PER_SENTENCE, Script
from pipeline.audio.speech import ENGINES, MissingVoice, Voice, load_voice
from pipeline.audio.speech.repeatable import outdated_models
from pipeline.audio.speech.voices import bundled_voice
from pipeline.audio.speech_cache import SpeechCache

__all__ = [
    "Chapter",
    "bundled_voice",
    "CHAPTERS_TYPE",
    "chapters_json",
    "Cue",
    "ENGINES",
    "format_script",
    "load_voice",
    "MissingVoice",
    "narration_script",
    "outdated_models",
    "record",
    "Recording",
    "Script",
    "title_card",
    "SECONDS_PER_CHARACTER",
    "SECONDS_PER_SENTENCE",
    "SpeechCache",
    "Voice",
]
