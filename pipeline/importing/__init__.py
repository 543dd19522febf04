"""Importing stage: pages, exports and documents from elsewhere become article sources to review."""

from pipeline.importing.batch import ImportReport, run_import
from pipeline.importing.importer import import_page

__all__ = ["ImportReport", "import_page", "run_import"]
