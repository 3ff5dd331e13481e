"""The review gate: placeholders left by `cercle new` and `cercle import` are not published silently."""
