"""Pure functions: HTML bytes to article records, polars frames in and out. No I/O here."""
