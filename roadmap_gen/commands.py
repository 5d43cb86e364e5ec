"""Commands beyond check and export, registered with :data:`roadmap_gen.cli.COMMANDS`."""

from __future__ import annotations
