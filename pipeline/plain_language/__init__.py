"""Plain-language stage: how readable an article is for clients with basic health literacy."""

from pipeline.plain_language.readability import TARGET_GRADE, ReadingScale, reading_grade, reading_scale

__all__ = ["TARGET_GRADE", "ReadingScale", "reading_grade", "reading_scale"]
