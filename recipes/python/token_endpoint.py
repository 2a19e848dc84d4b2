"""The IntelliProve token endpoint for intelliprove-widgets, in Python (standard library only).

Where it goes: anywhere your site's Python runs. It is a WSGI application, `application`,
for any WSGI server (gunicorn, uWSGI, mod_wsgi), mounted at the path the page's script tag
names, on your site's own origin so the browser sends your session cookie with it:

    <script src="/assets/intelliprove-widgets.js" data-token-endpoint="/api/ip-token"></script>

What to replace: `current_user(environ)` below, and nothing else. It returns the signed-in
user's id from YOUR session (their e-mail, or better a stable id), or None when nobody is
signed in. The user never comes from the request.

Configuration, from the environment: INTELLIPROVE_API_KEY (required; it never leaves this
server) and INTELLIPROVE_API_BASE (default https://engine.intelliprove.com).

In Django or Flask, call `token_response()` from a view with the user your framework knows:

    # Django: urls.py -> path("api/ip-token", ip_token)
    @csrf_exempt  # the JSON Content-Type check in token_response() stands in for the token
    @require_POST
    def ip_token(request):
        user = request.user.email if request.user.is_authenticated else None
        status, headers, body = token_response(user, request.content_type, request.body)
        return HttpResponse(body, status=status, headers=dict(headers))

    # Flask
    @app.post("/api/ip-token")
    def ip_token():
        status, headers, body = token_response(
            session.get("email"), request.content_type, request.get_data()
        )
        return body, status, headers

To try it: `python3 token_endpoint.py 8000` serves it on http://127.0.0.1:8000/ (wsgiref).
Until current_user() reads your session it answers 401 to everyone, as it should.
What it answers is CONTRACT §5 of intelliprove-widgets; `npx intelliprove-widgets doctor
https://your.site/page-with-the-kit --header "Cookie: …"` checks it from outside.
"""

from __future__ import annotations

import base64
import http.client
import json
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime, timezone
from http import HTTPStatus

API_KEY = os.environ.get("INTELLIPROVE_API_KEY", "")
API_BASE = os.environ.get("INTELLIPROVE_API_BASE", "https://engine.intelliprove.com").rstrip("/")


# ▼▼▼ REPLACE THIS FUNCTION: who is signed in, from your own session ▼▼▼
def current_user(environ) -> str | None:
    """The signed-in user's id (e.g. their e-mail) from YOUR session, or None.

    `environ` is the WSGI environ: your session cookie is in environ.get("HTTP_COOKIE").
    Look it up in your session store and return the user's id. Never take the user from
    the request body or the query string: anyone can write those.
    """
    return None


# ▲▲▲ up to here ▲▲▲

LANGUAGES = ("en", "nl", "fr", "da", "sv")
SECTIONS = ("main", "metrics", "biomarkers", "recommendations", "todos")
PURPOSES = ("face-scan", "dashboard", "api")
MAX_BODY_BYTES = 16 * 1024
MAX_UPSTREAM_BYTES = 1024 * 1024
TIMEOUT_SECONDS = 10  # per upstream call
PLUGIN_URL_SECONDS = 6 * 3600  # IntelliProve's plug-in URLs are valid six hours
FALLBACK_TOKEN_SECONDS = 3600  # for an action token that carries no `exp`


class Failure(Exception):
    """An answer other than 200: its status and message."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code = status, code


def upstream_failure(message: str) -> Failure:
    return Failure(502, "upstream-failed", "IntelliProve " + message)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """The API key goes to API_BASE only: a redirect is a failure, never followed."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # urllib then raises HTTPError for the 3xx


_opener = urllib.request.build_opener(_NoRedirects)


def _detail(body) -> str:
    detail = body.get("detail") if isinstance(body, dict) else None
    return detail if isinstance(detail, str) else "" if detail is None else json.dumps(detail)


def _call(method: str, path: str, body=None):
    """One call to IntelliProve with the API key: (status, parsed JSON or None)."""
    what = method + " " + path.split("?")[0]
    data = None if body is None else json.dumps(body).encode()
    headers = {"accept": "application/json", "x-api-key": API_KEY}
    if data is not None:
        headers["content-type"] = "application/json"
    request = urllib.request.Request(API_BASE + path, data=data, method=method, headers=headers)
    try:
        with _opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            status, raw = response.status, response.read(MAX_UPSTREAM_BYTES + 1)
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read(MAX_UPSTREAM_BYTES + 1) if error.fp else b""
    except (OSError, ValueError, http.client.HTTPException) as error:  # refused, timed out…
        raise upstream_failure(f"{what}: unreachable ({getattr(error, 'reason', error)})")
    if len(raw) > MAX_UPSTREAM_BYTES:
        raise upstream_failure(f"{what} answered more than 1 MiB")
    try:
        return status, json.loads(raw) if raw else None
    except ValueError:
        return status, None


def _failed(what: str, status: int, body) -> Failure:
    hint = " (check INTELLIPROVE_API_KEY)" if status in (401, 403) else ""
    detail = _detail(body)
    return upstream_failure(f"{what} answered {status}{': ' + detail if detail else ''}{hint}")


def _profile(user: str, language: str | None) -> dict:
    """The user's IntelliProve profile, creating the user on first use."""
    query = "/v2/users?" + urllib.parse.urlencode({"external_user_id": user})
    status, body = _call("GET", query)
    if status == 404:
        fields = {"external_user_id": user, **({"language": language} if language else {})}
        created_status, created = _call("POST", "/v2/users", fields)
        if created_status in (200, 201):
            status, body = created_status, created
        elif created_status in (400, 409) and "exist" in _detail(created).lower():
            status, body = _call("GET", query)  # a parallel request created it
        else:
            raise _failed("POST /v2/users", created_status, created)
    if status not in (200, 201):
        raise _failed("GET /v2/users", status, body)
    return body if isinstance(body, dict) else {}


def _jwt_exp(token: str):
    """The `exp` (seconds) of a JWT, unverified: when to ask again. None if it has none."""
    try:
        payload = token.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        exp = claims.get("exp")
    except (IndexError, ValueError, AttributeError):
        return None
    return exp if isinstance(exp, (int, float)) and not isinstance(exp, bool) else None


def _iso(what: str, seconds: float) -> str:
    """`seconds` as ISO-8601 in UTC ("Z"); an expiry passed or absurdly far is a 502."""
    now = time.time()
    if not now + 1 < seconds <= now + 366 * 86400:
        raise upstream_failure(f"{what}: an expiry that has passed or makes no sense")
    return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _plugin_url(what: str, status: int, body, latest: float) -> dict:
    """A plug-in URL answer: {url, expires_at}, at most `latest` or its token's `exp`."""
    if status not in (200, 201):
        raise _failed(what, status, body)
    parts = urllib.parse.urlsplit(body) if isinstance(body, str) else None
    if not parts or parts.scheme not in ("https", "http") or not parts.netloc:
        raise upstream_failure(f"{what} did not answer with a URL")
    token = urllib.parse.parse_qs(parts.query).get("action_token", [""])[0]
    exp = _jwt_exp(token) if token else None
    return {"url": body, "expires_at": _iso(what, min(latest, exp or latest))}


def _issue(user: str, purpose: str, language: str | None, sections: list) -> dict:
    profile = _profile(user, language)
    if not language and profile.get("language") in LANGUAGES:
        language = profile["language"]
    if purpose == "api":
        what = "POST /v2/users/authenticate"
        status, body = _call("POST", "/v2/users/authenticate", {"external_user_id": user})
        if status not in (200, 201):
            raise _failed(what, status, body)
        token = body.get("token") if isinstance(body, dict) else None
        if not isinstance(token, str) or not token:
            raise upstream_failure(f"{what} did not answer with a token")
        expires = _jwt_exp(token) or time.time() + FALLBACK_TOKEN_SECONDS
        answer = {"token": token, "expires_at": _iso(what, expires)}
    elif purpose == "face-scan":
        latest = int(time.time()) + PLUGIN_URL_SECONDS
        query = {"external_user_id": user, "expire_at": _iso("expire_at", latest)}
        if language:
            query["language"] = language
        status, body = _call("GET", "/v2/userjourneys/scan?" + urllib.parse.urlencode(query))
        answer = _plugin_url("GET /v2/userjourneys/scan", status, body, latest)
    else:
        fields = {"external_user_id": user, "disabled_sections": sections}
        if language:
            fields["language"] = language
        status, body = _call("POST", "/v2/dashboards/health", fields)
        latest = time.time() + PLUGIN_URL_SECONDS
        answer = _plugin_url("POST /v2/dashboards/health", status, body, latest)
    if profile.get("preferred_unit_system") in ("metric", "imperial"):
        answer["unit_system"] = profile["preferred_unit_system"]
    if isinstance(profile.get("language"), str) and profile["language"]:
        answer["language"] = profile["language"]
    return answer


def _parse(raw: bytes):
    """The browser's request: (purpose, language, disabled_sections), or a 400."""
    try:
        body = json.loads(raw.decode("utf-8"))
    except ValueError:  # UnicodeDecodeError too
        raise Failure(400, "invalid-body", "The request body is not valid JSON.")
    if not isinstance(body, dict):
        raise Failure(400, "invalid-body", 'Send a JSON object such as {"purpose":"api"}.')
    purpose, language = body.get("purpose"), body.get("language")
    sections = body.get("disabled_sections")
    if purpose not in PURPOSES:
        raise Failure(400, "invalid-body", '"purpose" must be one of ' + ", ".join(PURPOSES) + ".")
    if language is not None:
        language = re.split(r"[-_]", language)[0].lower() if isinstance(language, str) else None
        if language not in LANGUAGES:
            raise Failure(400, "invalid-body", '"language" must be one of en, nl, fr, da, sv.')
    sections = [] if sections is None else sections
    if not isinstance(sections, list) or not all(s in SECTIONS for s in sections):
        known = ", ".join(SECTIONS)
        raise Failure(400, "invalid-body", f'"disabled_sections" must be a list of {known}.')
    return purpose, language, list(dict.fromkeys(sections))


def _redact(text: str) -> str:
    for secret in {API_KEY, urllib.parse.quote(API_KEY, safe="")} - {""}:
        text = re.sub(re.escape(secret), "[redacted]", text, flags=re.IGNORECASE)
    return text


def _answer(status: int, answer, extra=()):
    headers = [
        ("Content-Type", "application/json; charset=utf-8"),
        ("Cache-Control", "no-store"),
        ("X-Content-Type-Options", "nosniff"),
        *extra,
    ]
    return status, headers, json.dumps(answer).encode()


def token_response(user: str | None, content_type: str | None, raw: bytes):
    """The whole endpoint, framework-free: (status, headers, body bytes) for one POST.

    `user` is the signed-in user's id from your session, or None.
    """
    try:
        # The kit always sends JSON. A cross-site form cannot (that takes a CORS preflight,
        # which this endpoint never grants), so the check keeps other sites out.
        if (content_type or "").split(";")[0].strip().lower() != "application/json":
            raise Failure(415, "invalid-body", 'Send "Content-Type: application/json".')
        purpose, language, sections = _parse(raw)
        if not user:
            raise Failure(401, "unauthenticated", "Sign in first: no user for this session.")
        if not API_KEY:
            raise Failure(500, "not-configured", "INTELLIPROVE_API_KEY is not set.")
        return _answer(200, _issue(user, purpose, language, sections))
    except Failure as failure:
        message = _redact(str(failure))
        if failure.status >= 500:
            print("intelliprove token endpoint:", message, file=sys.stderr)
        return _answer(failure.status, {"error": failure.code, "message": message})
    except Exception as error:  # a bug: logged (without the key), answered without details
        print("intelliprove token endpoint failed:", _redact(repr(error)), file=sys.stderr)
        return _answer(500, {"error": "internal-error", "message": "The token endpoint failed."})


def application(environ, start_response):
    """The WSGI application: POST only, a body of at most 16 KiB, the user from current_user."""
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if environ.get("REQUEST_METHOD") != "POST":
        message = {"error": "method-not-allowed", "message": "POST only."}
        status, headers, body = _answer(405, message, [("Allow", "POST")])
    elif length > MAX_BODY_BYTES:
        message = {"error": "too-large", "message": "The request body is over 16 KiB."}
        status, headers, body = _answer(413, message)
    else:
        raw = environ["wsgi.input"].read(length) if length > 0 else b""
        user = current_user(environ)
        status, headers, body = token_response(user, environ.get("CONTENT_TYPE"), raw)
    reason = HTTPStatus(status).phrase
    start_response(f"{status} {reason}", [*headers, ("Content-Length", str(len(body)))])
    return [body]


def serve(port: int = 8000) -> None:
    """Serves `application` on 127.0.0.1:`port` with wsgiref, for trying (not production)."""
    from wsgiref.simple_server import make_server

    with make_server("127.0.0.1", port, application) as server:
        print(f"IntelliProve token endpoint on http://127.0.0.1:{server.server_port}/", flush=True)
        server.serve_forever()


if __name__ == "__main__":
    serve(int(sys.argv[1]) if len(sys.argv) > 1 else 8000)
