"""Import step: the language an imported article is written in, told from its words with py3langid.

What a source says about its language is often wrong: Word's proofing language is whatever the
computer it was written on was set to, and a theme's `lang` is the site's. So the words decide
when there are enough of them to tell, and what the source says is used only when they are too
few (a short note, a list of names).
"""

from __future__ import annotations

import functools

from pipeline.article import Block, plain, text_runs

FEWEST_WORDS = 12  # fewer words than this cannot be told apart reliably
SURE = 0.9


def text_language(blocks: tuple[Block, ...]) -> str | None:
    """The two-letter code of the language the blocks are written in, or None when it cannot be told."""
    words = " ".join(" ".join(plain(text) for text in text_runs(blocks)).split()[:400])
    if len(words.split()) < FEWEST_WORDS:
        return None
    code, probability = _identifier().classify(words)
    return code if probability >= SURE and code != "zxx" else None


@functools.cache
def _identifier():  # noqa: ANN202 - py3langid's LanguageIdentifier; its model loads once, in about a second
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
