"""What a title says beyond its words: whether it is still held (`former`), what it heads and the words
that complete it (`scope`), the person a title named before the name belongs to (`earlier`) and the person
a pronoun given a title stands for (`pronoun`)."""
