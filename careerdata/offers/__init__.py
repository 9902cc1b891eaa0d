"""Offers: compare job offers and the current job year by year, place them in the market, and
plan the negotiation (numbers with their reasoning, and a script to rehearse in Conversations)."""
