"""What the build and the checkers share: the page model and its front-matter reader, the
site's URL scheme, the Problem record every part prints, and a few helpers."""
