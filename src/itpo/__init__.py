"""ITPO Exchange: two-way investment and technology exchange."""

__version__ = "0.1.0"
