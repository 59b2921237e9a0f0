"""Where mail comes from: IMAP, Maildir, mbox (fetch only, no parsing)."""
