"""web stage (see communique.pipeline): the read-only JSON API and web UI.

``communique.web.app.create_app(db_path)`` builds the FastAPI app (API under
``/api``, pages, ``/docs`` drawn from ``/openapi.json``, static assets);
``communique.web.server.serve`` runs it with uvicorn on 127.0.0.1. Importing this
package does nothing.
"""
