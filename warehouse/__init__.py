"""Every DuckDB connection and every SQL statement of the project."""
