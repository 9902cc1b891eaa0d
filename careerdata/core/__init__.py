"""Shared basics every layer may use: errors, the clock (today), dates, money, text, the vocabulary
(every enum once, with its labels) and the chart theme."""
