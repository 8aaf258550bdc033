"""Appraisal reports: HTML with inline SVG charts, PDF (reportlab) and XLSX (native charts)."""
