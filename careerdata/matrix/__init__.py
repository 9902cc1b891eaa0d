"""Skill-value matrix: what each skill is worth on the market against how proven it is."""
