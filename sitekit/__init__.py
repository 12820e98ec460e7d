"""The site's logic, in plain modules that do not import MkDocs, split by who uses them:
core/ (the build and the checkers), build/ (hooks/site.py) and check/ (scripts/)."""
