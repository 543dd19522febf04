"""Audio stage: an article becomes a narration script, then speech, then a mastered, tagged MP3 with captions.

Three stages, a package each: `spoken_script/` (text to what the voice says, pronunciation included),
`recording/` (the script to sound) and `listening/` (a recording heard back offline). The recording and
listening back read the spoken script, which knows neither (a contract in pyproject.toml).

Heavy libraries (numpy, pydub, Pillow, mutagen, the voice runtime) are imported inside the
functions that use them, so a build that finds its audio current never loads them.
"""

from pipeline.audio.listening.alignment import Hearing, Sentence, hearings
from pipeline.audio.listening.recogniser import HEARD_LANGUAGES, heard
from pipeline.audio.recording.captions import webvtt
from pipeline.audio.recording.chapters_file import CHAPTERS_TYPE, chapters_json
from pipeline.audio.recording.cover import title_card
from pipeline.audio.recording.finished import Chapter, Cue, Recording, recording_facts, recording_from_facts
from pipeline.audio.recording.mastering import master
from pipeline.audio.recording.mp3 import record
from pipeline.audio.recording.performance import Take, perform
from pipeline.audio.recording.sound import decoded_mp3, mono
from pipeline.audio.recording.speech.cache import SpeechCache
from pipeline.audio.recording.speech.engines import ENGINES, Voice, load_voice
from pipeline.audio.recording.speech.repeatable import outdated_models
from pipeline.audio.recording.speech.voices import MissingVoice, bundled_voice
from pipeline.audio.recording.tags import Tags, tag_mp3
from pipeline.audio.spoken_script.estimate import rough_listening_ms
from pipeline.audio.spoken_script.narration import narration_script, spoken_words
from pipeline.audio.spoken_script.normalise import normalise as speakable  # what a voice says for a written sentence
from pipeline.audio.spoken_script.pronunciation.coverage import pronunciation_notes
from pipeline.audio.spoken_script.pronunciation.practice_table import LEXICON_FILE, with_lexicon_file
from pipeline.audio.spoken_script.script import (
    SECONDS_PER_CHARACTER,
    SECONDS_PER_SENTENCE,
    Script,
    Segment,
    SegmentKind,
    format_script,
)

__all__ = [
    "CHAPTERS_TYPE", "ENGINES", "HEARD_LANGUAGES", "LEXICON_FILE", "SECONDS_PER_CHARACTER", "SECONDS_PER_SENTENCE",
    "bundled_voice", "Chapter", "chapters_json", "Cue", "decoded_mp3", "format_script", "heard", "Hearing",
    "hearings", "load_voice", "master", "MissingVoice", "mono", "narration_script", "outdated_models", "perform",
    "pronunciation_notes", "record", "Recording", "recording_facts", "recording_from_facts", "rough_listening_ms",
    "Script", "Segment", "SegmentKind", "Sentence", "speakable", "SpeechCache", "spoken_words", "tag_mp3", "Tags",
    "Take", "title_card", "Voice", "webvtt", "with_lexicon_file",
]
