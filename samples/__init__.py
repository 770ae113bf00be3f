"""The bundled sample news site and a small server for it."""
