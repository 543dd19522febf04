"""Audio stage, pronouncing: the clinical lexicon, the practice's own entries and PLS files, abbreviations."""
