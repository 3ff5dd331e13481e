"""Engine-agnostic core: content model, catalog, i18n and errors. Imports nothing from MkDocs."""
