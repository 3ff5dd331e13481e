"""Thin MkDocs plugin classes wiring Cercle's features into the build."""
