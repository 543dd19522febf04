"""Audio stage, the spoken script: an article becomes what the voice says, pronunciation included."""
