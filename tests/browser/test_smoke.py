"""Proves the browser harness on its own: static server + Chromium + Playwright."""

from __future__ import annotations

from pathlib import Path

SMOKE_HTML = """<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>Cercle smoke</title></head>
<body>
  <p id="status">avant</p>
  <button id="go" type="button">Cliquer</button>
  <script>
    document.getElementById("go").addEventListener("click", function () {
      document.getElementById("status").textContent = "après";
    });
  </script>
</body>
</html>
"""


def test_click_changes_text(tmp_path: Path, serve_dir, page) -> None:
    (tmp_path / "index.html").write_text(SMOKE_HTML, encoding="utf-8")
    base = serve_dir(tmp_path)

    response = page.goto(f"{base}/index.html")
    assert response is not None and response.ok
    assert page.title() == "Cercle smoke"
    assert page.text_content("#status") == "avant"

    page.click("#go")

    page.wait_for_function("document.getElementById('status').textContent === 'après'")
    assert page.text_content("#status") == "après"
    assert page.evaluate("document.documentElement.lang") == "fr"
    assert page.evaluate("navigator.language") == "fr-FR"
