"""The hub: generated pages, listings and translation links, computed from the Catalog."""
