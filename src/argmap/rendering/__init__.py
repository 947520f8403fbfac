"""Pictures: the map graph built from a model, DOT, themes, the layout engine, text wrapping."""
