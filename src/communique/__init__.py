"""communique: news reports of official contacts between countries -> a verified,
deduplicated, queryable record of who met whom, when, where and what was signed.

The stage order lives in :mod:`communique.pipeline`.
"""

__version__ = "0.1.0"
