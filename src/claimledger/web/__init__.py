"""The web UI: server-rendered pages (``pages``), code-point highlighting (``highlight``), the
measure chart as inline SVG (``chart``) and ``claimledger benchmark web`` (``bench``).
Templates and static files ship as package data.
"""
