"""Detection: ``classify(text, context) -> Verdict``, pure and thread-safe."""

from governance.detect.context import DEFAULT_CONTEXT, DetectContext
from governance.detect.engine import LABEL_THRESHOLD, classify

__all__ = ["DEFAULT_CONTEXT", "LABEL_THRESHOLD", "DetectContext", "classify"]
