"""Spreadsheet import of district rosters: parse (pure) → validate → write (one transaction) → report."""
