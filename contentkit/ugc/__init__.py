"""UGC manager: collecting customer posts, the consent ledger, reposts."""
