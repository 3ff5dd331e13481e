"""Raw HTML in Markdown bodies: no script, nothing loaded from another origin unless allow-listed."""
