"""Text to model and back: the grammar, the parser, the builder, includes, the printer and the formatter."""
