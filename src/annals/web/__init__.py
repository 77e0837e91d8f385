"""The REST API (FastAPI) served by ``annals serve``; OpenAPI documentation at ``/docs``."""
