"""Atom feeds per language: every entry, and one feed per type (engine-agnostic)."""
