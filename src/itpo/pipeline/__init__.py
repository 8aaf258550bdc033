"""Deals: from an introduction to a verified outcome, with the interactions that carry them."""
