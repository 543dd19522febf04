"""Audio stage, the recording: a spoken script becomes speech, then a tagged MP3 with captions and chapters."""
