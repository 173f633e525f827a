"""Screens and dialogs pushed over the main screen: one per file."""
