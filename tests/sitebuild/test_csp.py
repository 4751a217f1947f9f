"""sitebuild/csp.py: the policy, the inline script hashes and where the meta goes."""

from __future__ import annotations

import base64
import hashlib

from sitebuild import csp

PAGE = """<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>t</title>
<script>__md_scope=new URL(".",location)</script>
<script id="__config" type="application/json">{"base": "."}</script>
<script src="assets/javascripts/bundle.js"></script>
<script type="module" src="assets/javascripts/calculator.js"></script>
</head><body><script>var palette=1</script></body></html>"""


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_policy_allows_wasm_but_never_eval():
    policy = csp.policy(["'sha256-abc'"])
    assert "script-src 'self' 'wasm-unsafe-eval' 'sha256-abc'" in policy
    assert "'unsafe-eval'" not in policy
    assert "'unsafe-inline'" not in policy.split("style-src")[0]
    for directive in (
        "default-src 'self'",
        "worker-src 'self'",
        "connect-src 'self'",
        "img-src 'self' data:",
        "style-src 'self' 'unsafe-inline'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ):
        assert directive in policy


def test_live_reload_needs_no_inline_script():
    """make serve serves the built pages, policy included: its reload client is a same-origin file."""
    from sitebuild import serve

    html = serve.inject_reload(b"<html><head></head><body><p>x</p></body></html>").decode()
    assert '<script src="/__livereload.js" defer></script></body>' in html
    assert csp.inline_scripts(html) == []


def test_only_executable_inline_scripts_are_hashed():
    bodies = csp.inline_scripts(PAGE)
    assert bodies == ['__md_scope=new URL(".",location)', "var palette=1"]
    # Hand-checked format: 'sha256-' + base64 of the SHA-256 of the UTF-8 body.
    assert csp.script_hash("var palette=1") == sha("var palette=1")


def test_meta_is_first_in_head_and_hashes_are_the_union(tmp_path):
    other = PAGE.replace("var palette=1", "var other=2")
    (tmp_path / "sub").mkdir()
    paths = [tmp_path / "index.html", tmp_path / "sub" / "index.html"]
    paths[0].write_text(PAGE, encoding="utf-8")
    paths[1].write_text(other, encoding="utf-8")
    csp.run({}, tmp_path)
    first = paths[0].read_text(encoding="utf-8")
    # First in <head>: only the charset declaration stays in front (first 1024 bytes).
    charset = '<head><meta charset="utf-8">'
    assert first.index('<meta http-equiv="Content-Security-Policy"') == first.index(charset) + len(charset)
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert text.count("Content-Security-Policy") == 1
        # Each page allows the scripts of every page (instant navigation keeps the first policy).
        for body in ("var palette=1", "var other=2", '__md_scope=new URL(".",location)'):
            assert sha(body) in text
    # Running the step again changes nothing.
    csp.run({}, tmp_path)
    assert paths[0].read_text(encoding="utf-8") == first


def test_policy_goes_right_after_head_without_charset():
    html = csp.insert_meta("<html><head><title>t</title></head></html>", "default-src 'self'")
    assert html.startswith('<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'self\'">')


def test_built_pages_carry_the_policy(site):
    for page in ("index.html", "outils/cout-utilisation/index.html", "404.html"):
        html = (site.dir / page).read_text(encoding="utf-8")
        head = html.split("<head>", 1)[1].lstrip()
        assert head.startswith('<meta charset="utf-8"><meta http-equiv="Content-Security-Policy"'), page
        assert html.index('<meta charset="utf-8">') < 1024
        assert "__MUTUUS_CSP" not in html
