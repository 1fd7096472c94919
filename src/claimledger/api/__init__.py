"""The HTTP edge of claimledger: ``app.create_app`` builds the FastAPI application (JSON API
under ``/api``, the web UI from ``claimledger.web``); ``reads`` holds the queries it adds on top
of the store; ``errors`` the one error shape and the body limit; ``models`` the pydantic edge.
"""
