"""Speech: the engines behind one `Voice` interface, their voices, and the cache of spoken sentences."""

from pipeline.audio.recording.speech.cache import SpeechCache
from pipeline.audio.recording.speech.engines import ENGINES, Voice, load_voice
from pipeline.audio.recording.speech.repeatable import outdated_models
from pipeline.audio.recording.speech.voices import MissingVoice, bundled_voice

__all__ = ["ENGINES", "MissingVoice", "SpeechCache", "Voice", "bundled_voice", "load_voice", "outdated_models"]
