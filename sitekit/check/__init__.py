"""What the scripts in scripts/ use to check the built site and its sources: links,
translation parity, facts, readability, the browser for the search tests, publishing."""
