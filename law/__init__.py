"""The register of legal references (``law/*.yml``): one entry per article cited.

Pages, country tabs, agreement clauses and the sources page cite an entry by
its id; nothing cites a law by hand. ``law.register`` loads and checks the
files (build time, PyYAML); ``law.cite`` turns entries into links and lists
(standard library only).
"""
