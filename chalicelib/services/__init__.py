"""The rules, one module per area; a module loads when it is first read (``from chalicelib import services``)."""

from chalicelib.lazy import submodules

__getattr__ = submodules(__name__)
