"""`careerdata bench`: how long each page's reads and views take on a demo file of a given size."""
