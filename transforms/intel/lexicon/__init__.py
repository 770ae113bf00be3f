"""What the extractors look words up in: the reference gazetteers and their phrase matcher, natasha's
Russian models (NER, lemmas), transliteration between scripts, and number notation.
"""
