"""Reader: read news articles in the terminal and tag who said what, by keyboard."""

__version__ = "0.1.0"
