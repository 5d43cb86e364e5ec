"""Scaffolding: ``roadmap-gen new`` writes one item file, ``roadmap-gen init`` a whole repository.

Both write files that pass ``roadmap-gen check`` as they are, with ``#``
comments that explain each field, and neither ever overwrites a file.
Placeholders that need the author's words start with ``TODO:`` so they are
easy to find (``grep -r TODO: content``).

* :mod:`~roadmap_gen.scaffold.common`: kinds, ids, the two exceptions;
* :mod:`~roadmap_gen.scaffold.new`: a new item file (:func:`render_item`, :func:`new_item`);
* :mod:`~roadmap_gen.scaffold.init`: a new repository (:func:`init_repository`) from
  the starter files in ``files/init/``, package data.
"""

from roadmap_gen.scaffold.common import (FILE_KINDS, LIST_KINDS, Refused, ScaffoldError, check_new_id, quarter,
                                         resolve_kind, title_from_id, yaml_text)
from roadmap_gen.scaffold.init import InitResult, init_repository, starter_files
from roadmap_gen.scaffold.new import NewItem, list_kind_help, new_item, pick, render_item

__all__ = ["FILE_KINDS", "LIST_KINDS", "InitResult", "NewItem", "Refused", "ScaffoldError", "check_new_id",
           "init_repository", "list_kind_help", "new_item", "pick", "quarter", "render_item", "resolve_kind",
           "starter_files", "title_from_id", "yaml_text"]
