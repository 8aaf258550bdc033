"""Practice cases: what worked elsewhere, told with its figures and sources, in several
languages, found by the same search as opportunities."""
