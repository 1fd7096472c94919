"""The persistent store: documents, extraction results, entities, clusters and measures.

``db`` opens (and migrates) a store from a URL, ``write`` stores extractions, ``queries`` reads
them back; the tables are in ``schema``.
"""
