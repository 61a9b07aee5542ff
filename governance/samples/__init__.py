"""Bundled sample events for `governance demo` (our own payloads, shaped like real deliveries)."""
