"""Compliance: the RGAA accessibility statement, the site map pages and `cercle a11y`'s findings."""
