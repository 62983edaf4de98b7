"""Request and response models (pydantic), one module per area; a module loads when a route first reads it."""

from chalicelib.lazy import submodules

__getattr__ = submodules(__name__)
