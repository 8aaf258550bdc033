"""Sample appraisal models (JSON), shipped as package data."""
