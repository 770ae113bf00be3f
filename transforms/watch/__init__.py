"""What changed since the last run, kept pure: which facts are new (`novelty`), the sentence that
states each (`sentences`), which items a watchlist follows (`match`), how a digest groups and sums them
up (`digest`), and the region and country names a watchlist may use (`places`)."""
