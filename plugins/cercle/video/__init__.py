"""Click-to-load video: hosts (YouTube, Vimeo, PeerTube, files), chapters, WebVTT transcripts."""
