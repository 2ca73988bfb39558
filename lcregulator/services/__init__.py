"""Use cases (Qt-free): each opens one unit of work, checks, writes, records an event.

The GUI and the command line call these; neither talks to the database directly.
"""
