"""Shared basics every layer may use: errors, the clock (today), money, and the chart theme."""
