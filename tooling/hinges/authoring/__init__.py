"""Creating and changing records: every edit keeps every other byte a person wrote.

Creation uses exclusive create; edits write a temporary file and rename it into place
(:mod:`hinges.atomic`); nothing is ever written outside the registry folders.
"""
