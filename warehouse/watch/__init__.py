"""The SQL of the watchlists: the facts of the articles not yet compared (`candidates`), the items
first seen and the runs compared (`items`), and the webhook deliveries."""
