"""Open Graph, article and Twitter meta tags of a page."""
