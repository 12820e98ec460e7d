"""Shared, pure logic for the site's build hooks (hooks/) and checkers (scripts/)."""
