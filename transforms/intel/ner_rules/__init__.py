"""Corrections of natasha's Russian NER spans, one concern per module (used by transforms.intel.ner)."""
