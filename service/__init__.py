"""gfdiagrams REST service: a thin FastAPI layer over the :mod:`diagrams` engine.

Run it with ``uvicorn service.app:app``; see ``service/README.md``.
"""
