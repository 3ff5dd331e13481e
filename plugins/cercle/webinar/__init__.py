"""The webinar/event page: what its template shows (video, chapters, quotes, slides, calendar…)."""
