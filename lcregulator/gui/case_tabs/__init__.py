"""The case window's tabs, one widget per tab (the Picard options-page pattern).

Each tab shows the case with ``load(case)`` and writes what the officer edited into the case
being saved with ``save(draft)``; a tab that only shows the case (期限, 时间线, 管辖) saves
nothing. The window owns the case, the save and the workflow steps; the tabs own their widgets.
"""
