"""Normalisation: extracted article records → the typed articles frame of the warehouse.

Clean Unicode and whitespace, paragraph and sentence offsets, stable keys, and exact and near
duplicates marked (against the batch and earlier runs).
"""
