"""Network page: advocacy, contact cadence, who knows your wins, sponsor coverage, visibility."""
