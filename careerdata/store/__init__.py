"""The career file: where it lives, how it opens, its transactions and its ordered migrations."""
