"""Home page: the KPIs, nudges and quarterly charts of the whole career file."""
