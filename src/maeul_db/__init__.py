"""maeul_db: Seoul's participant-centred village community database."""

__version__ = "0.1.0"
