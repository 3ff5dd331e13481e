"""Links and images in Markdown bodies: found with Python-Markdown, checked and resolved by one set of rules.

A body path may be written relative to content/ (`media/photo.jpg`, `/media/photo.jpg`), as
front-matter paths are, or relative to the page (`../../media/photo.jpg`). `cercle check`
reports what would not resolve (with file, line and what to write instead) and the build
rewrites content-relative paths to page-relative ones before MkDocs resolves them, so both
apply the same rules (`resolve.py`). Engine-agnostic: no MkDocs import.
"""
