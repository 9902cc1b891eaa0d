"""Value proposition page: the customer, the offer, the impact ledger and the pitch."""
