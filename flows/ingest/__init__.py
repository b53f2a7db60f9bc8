"""Fetching releases from their sources: the list of sources, HTTP, feeds and listing pages, and the
raw folder each release is kept in, byte for byte, with a manifest of how it was fetched."""
