"""The GitHub Action edge: run one workflow event (``run``), write outputs and summary."""
