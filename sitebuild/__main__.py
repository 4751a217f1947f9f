"""Command line: python -m sitebuild pre|post|build|serve …  (see __init__.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sitebuild.errors import BuildError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitebuild", description="Étapes de construction de Mutuus.")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, text in (("pre", "avant le générateur"), ("post", "après le générateur")):
        cmd = sub.add_parser(name, help=f"étapes {text}")
        cmd.add_argument("site_dir", type=Path)
    cmd = sub.add_parser("build", help="pre, générateur, post")
    cmd.add_argument("site_dir", type=Path)
    cmd.add_argument("--engine", default="mkdocs", choices=("mkdocs", "zensical"))
    cmd = sub.add_parser("serve", help="construire, servir et recharger à chaque modification")
    cmd.add_argument("--engine", default="mkdocs", choices=("mkdocs", "zensical"))
    cmd.add_argument("--addr", default="127.0.0.1:8000")
    args = parser.parse_args(argv)

    from sitebuild import build

    try:
        if args.command == "pre":
            build.pre(args.site_dir.resolve())
        elif args.command == "post":
            build.post(args.site_dir.resolve())
        elif args.command == "build":
            build.build(args.site_dir, args.engine)
        else:
            from sitebuild import serve

            serve.serve(args.engine, args.addr)
    except BuildError as exc:
        print(f"Erreur de construction : {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
