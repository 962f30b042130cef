"""Answers / and, for the health check app.json declares, /health with a body that says ready."""
import os
from http.server import BaseHTTPRequestHandler, HTTPServer


class App(BaseHTTPRequestHandler):
    def do_GET(self):
        body = b"status: ready\n" if self.path == "/health" else b"hello from dokku-app-json\n"
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


HTTPServer(("", int(os.environ["PORT"])), App).serve_forever()
