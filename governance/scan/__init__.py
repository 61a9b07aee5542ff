"""The backfill scan: what the bot would have done on a repository's history (dry-run)."""
