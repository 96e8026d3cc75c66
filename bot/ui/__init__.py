"""Everything a user reads: texts, messages and buttons, the PDF summary, translations."""
