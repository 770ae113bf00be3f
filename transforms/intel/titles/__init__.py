"""What a title says beyond its words: whether it is still held (`former`), what it heads and the words
that complete it (`scope`), and the person a title named before the name belongs to (`earlier`)."""
