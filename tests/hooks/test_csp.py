"""hooks/csp.py: the policy, the inline script hashes and where the meta goes."""

from __future__ import annotations

import base64
import hashlib

PAGE = """<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>t</title>
<script>__md_scope=new URL(".",location)</script>
<script id="__config" type="application/json">{"base": "."}</script>
<script src="assets/javascripts/bundle.js"></script>
<script type="module" src="assets/javascripts/calculator.js"></script>
</head><body><script>var palette=1</script></body></html>"""


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_policy_allows_wasm_but_never_eval(csp_hook):
    policy = csp_hook.policy(["'sha256-abc'"])
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


def test_dev_policy_for_live_reload(csp_hook):
    policy = csp_hook.policy(dev=True)
    assert "'unsafe-inline'" in policy and "'unsafe-eval'" not in policy and "sha256" not in policy


def test_only_executable_inline_scripts_are_hashed(csp_hook):
    bodies = csp_hook.inline_scripts(PAGE)
    assert bodies == ['__md_scope=new URL(".",location)', "var palette=1"]
    # Hand-checked format: 'sha256-' + base64 of the SHA-256 of the UTF-8 body.
    assert csp_hook.script_hash("var palette=1") == sha("var palette=1")


def test_meta_is_first_in_head_and_hashes_are_the_union(csp_hook, tmp_path):
    csp_hook.on_startup(command="build", dirty=False)
    csp_hook.on_pre_build(config=None)
    first = csp_hook.add_policy(PAGE)
    other = PAGE.replace("var palette=1", "var other=2")
    second = csp_hook.add_policy(other)
    # First in <head>: only the charset declaration stays in front (first 1024 bytes).
    charset = '<head><meta charset="utf-8">'
    assert first.index('<meta http-equiv="Content-Security-Policy"') == first.index(charset) + len(charset)
    paths = []
    for i, html in enumerate((first, second)):
        path = tmp_path / f"p{i}.html"
        path.write_text(html, encoding="utf-8")
        paths.append(path)
    for path in paths:
        csp_hook.finalise(path, csp_hook._state["hashes"])
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert csp_hook.PLACEHOLDER not in text
        # Each page allows the scripts of every page (instant navigation keeps the first policy).
        for body in ("var palette=1", "var other=2", '__md_scope=new URL(".",location)'):
            assert sha(body) in text


def test_policy_goes_right_after_head_without_charset(csp_hook):
    html = csp_hook.insert_meta("<html><head><title>t</title></head></html>", "default-src 'self'")
    assert html.startswith('<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'self\'">')


def test_built_pages_carry_the_policy(site):
    for page in ("index.html", "outils/cout-utilisation/index.html", "404.html"):
        html = (site.dir / page).read_text(encoding="utf-8")
        head = html.split("<head>", 1)[1].lstrip()
        assert head.startswith('<meta charset="utf-8"><meta http-equiv="Content-Security-Policy"'), page
        assert html.index('<meta charset="utf-8">') < 1024
        assert "__MUTUUS_CSP" not in html
