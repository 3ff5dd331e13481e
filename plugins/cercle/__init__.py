"""Cercle: a bilingual ambassador resource hub built on MkDocs and Material for MkDocs."""

__version__ = "0.1.0"
