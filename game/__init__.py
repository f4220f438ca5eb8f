"""Balancing Act: an educational strategy game about alliances."""
