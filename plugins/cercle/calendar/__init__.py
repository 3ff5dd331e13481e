"""iCalendar files: one per webinar or event, and a subscribable calendar per language."""
