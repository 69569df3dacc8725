"""``/docs``: the API reference as a self-contained page drawn from the OpenAPI schema.

Why not Swagger UI: FastAPI's default page loads its JavaScript from a CDN, which
fails offline and would break the app's Content-Security-Policy. The schema
itself stays at ``/openapi.json`` for tools.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)


@dataclass(frozen=True, slots=True)
class ParamDoc:
    """One parameter of an operation."""

    name: str
    where: str
    required: bool
    kind: str
    description: str


@dataclass(frozen=True, slots=True)
class OperationDoc:
    """One method on one path."""

    method: str
    path: str
    summary: str
    description: str
    params: tuple[ParamDoc, ...]


def _kind(schema: dict[str, Any], components: dict[str, Any]) -> str:
    """A short human form of a parameter's JSON schema (references resolved)."""
    if "anyOf" in schema:
        return (
            " | ".join(_kind(s, components) for s in schema["anyOf"] if s.get("type") != "null")
            + " (optional)"
        )
    if "$ref" in schema:
        name = str(schema["$ref"]).rsplit("/", 1)[-1]
        target = components.get(name)
        return _kind(target, components) if isinstance(target, dict) else name
    if "enum" in schema:
        return " | ".join(map(str, schema["enum"]))
    bits = [str(schema.get("type", "any"))]
    for key, label in (("minimum", "≥"), ("maximum", "≤"), ("maxLength", "max length ")):
        if key in schema:
            bits.append(f"{label}{schema[key]}")
    return ", ".join(bits)


def operations(schema: dict[str, Any]) -> list[OperationDoc]:
    """Every operation of an OpenAPI document, in path order."""
    out = []
    components = schema.get("components", {}).get("schemas", {})
    for path, methods in sorted(schema.get("paths", {}).items()):
        for method, op in methods.items():
            params = tuple(
                ParamDoc(
                    p["name"],
                    p["in"],
                    bool(p.get("required")),
                    _kind(p.get("schema", {}), components),
                    p.get("description", "") or p.get("schema", {}).get("description", ""),
                )
                for p in op.get("parameters", [])
            )
            out.append(
                OperationDoc(
                    method.upper(), path, op.get("summary", ""), op.get("description", ""), params
                )
            )
    return out


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    """The API reference page."""
    schema = request.app.openapi()
    response: HTMLResponse = request.app.state.templates.TemplateResponse(
        request, "docs.html", {"ops": operations(schema), "info": schema.get("info", {})}
    )
    return response
