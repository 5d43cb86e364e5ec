"""roadmap-gen: outcome roadmaps as Markdown and YAML, compiled into a static site.

The compiler is independent of MkDocs and runs in passes, one subpackage each::

    format/   the content format: located YAML, spec, model, JSON Schema
    compile/  load -> validate -> audience -> compute  (Compiler, Compiled)
    site/     views -> pages: view models, templates, charts, labels, roadmap.json
    git/      history and diff in roadmap terms
    mkdocs/   the MkDocs plugin (events only)
    cli/      the roadmap-gen command, one module per subcommand
    scaffold/ ``roadmap-gen new`` and ``init``, with starter files as package data

The public API is what ``__all__`` names: compile a content folder with
:class:`Compiler` and read the :class:`Compiled` result's model.
"""

from roadmap_gen.compile.compiler import Compiled, Compiler
from roadmap_gen.compile.compute import Figures
from roadmap_gen.format import model
from roadmap_gen.format.diagnostics import Diagnostic
from roadmap_gen.format.model import Roadmap
from roadmap_gen.version import FORMAT_VERSION, __version__

__all__ = ["Compiled", "Compiler", "Diagnostic", "FORMAT_VERSION", "Figures", "Roadmap", "__version__", "model"]
