"""Turn a therapy practice's articles into handouts, narrated audio and e-mail drafts."""

__version__ = "0.1.0"
