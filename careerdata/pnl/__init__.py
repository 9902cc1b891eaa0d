"""The Career P&L: the ledger of every impact metric by quarter, category and confidence."""
