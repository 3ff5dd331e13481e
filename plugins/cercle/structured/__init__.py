"""Structured data: schema.org JSON-LD (Event, VideoObject with Clips), safe inside <script>."""
