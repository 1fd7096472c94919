"""claimledger: a ledger of grounded, attributed claims from news reports."""

__version__ = "0.1.0"
