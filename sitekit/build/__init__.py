"""What the build makes of the pages, called by hooks/site.py: the build's state
(site_build.py), the text in each language, head data, footers, lists, feeds, sitemaps,
redirect pages and search files. None of it imports MkDocs."""
