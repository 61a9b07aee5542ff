"""GitHub-native contributor governance automation."""

__version__ = "0.1.0"
