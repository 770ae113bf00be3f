"""The outside world: discovery, the polite HTTP fetcher, the network guard."""
