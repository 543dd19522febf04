"""Speech: the engines behind one `Voice` interface, their voices, and the cache of spoken sentences."""

from pipeline.audio.speech.cache import SpeechCache
from pipeline.audio.speech.engines import ENGINES, Voice, load_voice
from pipeline.audio.speech.repeatable import outdated_models
from pipeline.audio.speech.voices import MissingVoice, bundled_voice

__all__ = ["ENGINES", "MissingVoice", "SpeechCache", "Voice", "bundled_voice", "load_voice", "outdated_models"]
