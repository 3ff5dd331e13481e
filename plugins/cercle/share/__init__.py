"""The share kit: suggested texts, plain share links per network, length checks."""
