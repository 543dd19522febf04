"""Audio stage: an article becomes a narration script, then speech, then a mastered, tagged MP3 with captions.

Heavy libraries (numpy, pydub, Pillow, mutagen, the voice runtime) are imported inside the
functions that use them, so a build that finds its audio current never loads them.
"""

from pipeline.audio.captions import webvtt
from pipeline.audio.chapters_file import CHAPTERS_TYPE, chapters_json
from pipeline.audio.cover import title_card
from pipeline.audio.estimate import rough_listening_ms
from pipeline.audio.listening.alignment import Hearing, Sentence, hearings
from pipeline.audio.listening.recogniser import HEARD_LANGUAGES, heard
from pipeline.audio.mastering import master
from pipeline.audio.mp3 import record
from pipeline.audio.narration import narration_script, spoken_words
from pipeline.audio.normalise import normalise as speakable  # the words a voice says for a written sentence
from pipeline.audio.performance import Take, perform
from pipeline.audio.pronunciation.coverage import pronunciation_notes
from pipeline.audio.pronunciation.practice_table import LEXICON_FILE, with_lexicon_file
from pipeline.audio.recording import Chapter, Cue, Recording, recording_facts, recording_from_facts
from pipeline.audio.script import (
    SECONDS_PER_CHARACTER,
    SECONDS_PER_SENTENCE,
    Script,
    Segment,
    SegmentKind,
    format_script,
)
from pipeline.audio.sound import decoded_mp3, mono
from pipeline.audio.speech.cache import SpeechCache
from pipeline.audio.speech.engines import ENGINES, Voice, load_voice
from pipeline.audio.speech.repeatable import outdated_models
from pipeline.audio.speech.voices import MissingVoice, bundled_voice
from pipeline.audio.tags import Tags, tag_mp3

__all__ = [
    "CHAPTERS_TYPE", "ENGINES", "HEARD_LANGUAGES", "LEXICON_FILE", "SECONDS_PER_CHARACTER", "SECONDS_PER_SENTENCE",
    "bundled_voice", "Chapter", "chapters_json", "Cue", "decoded_mp3", "format_script", "heard", "Hearing",
    "hearings", "load_voice", "master", "MissingVoice", "mono", "narration_script", "outdated_models", "perform",
    "pronunciation_notes", "record", "Recording", "recording_facts", "recording_from_facts", "rough_listening_ms",
    "Script", "Segment", "SegmentKind", "Sentence", "speakable", "SpeechCache", "spoken_words", "tag_mp3", "Tags",
    "Take", "title_card", "Voice", "webvtt", "with_lexicon_file",
]
