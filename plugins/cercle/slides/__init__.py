"""Slides: a PDF in content/ becomes page images, thumbnails and searchable text (pypdfium2)."""
