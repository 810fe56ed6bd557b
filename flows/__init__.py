"""Prefect flows and the `fugi` command line that starts them."""
