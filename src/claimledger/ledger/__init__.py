"""The ledger: cross-document analytics over extraction results.

Pure functions over the result model first (``names``, ``syndication``, ``records``, ``claims``,
``origins``, ``measures``, ``conflicts``), then ``build``, the thin layer that reads the store,
runs them, writes the results back, and answers the ``clusters`` and ``measure`` queries.
"""
