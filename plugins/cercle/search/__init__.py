"""Search with Pagefind: what each page tells the index, and building the index (engine-agnostic)."""
