"""roadmap-gen: outcome roadmaps as Markdown and YAML, compiled into a static site.

The compiler is independent of MkDocs and runs in separate passes::

    load (loader) -> resolve and validate (validate) -> audience filter (audience)
    -> compute (compute) -> render pages (render)

:func:`roadmap_gen.compiler.compile_roadmap` drives them; the MkDocs plugin
(:mod:`roadmap_gen.plugin`) and the CLI (:mod:`roadmap_gen.cli`) are thin
adapters over it.
"""

__version__ = "0.1.0"
FORMAT_VERSION = 1
