"""Modal dialogs: tag an annotation, add an article, export, and a one-line prompt."""
