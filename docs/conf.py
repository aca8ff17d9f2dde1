"""Sphinx configuration for the tradestats documentation (MyST markdown, furo)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

# Document the source tree, not whichever tradestats happens to be installed.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import tradestats

project = "tradestats"
author = "The tradestats developers"
copyright = "2026, The tradestats developers"  # noqa: A001 - Sphinx's name for it
version = release = tradestats.__version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    # For the {doctest} directive, which docs/conftest.py runs like ```python blocks.
    "sphinx.ext.doctest",
    "sphinx.ext.napoleon",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build"]
language = "en"

# -- MyST ----------------------------------------------------------------------------------
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# -- autodoc and napoleon ------------------------------------------------------------------
autodoc_typehints = "description"
autodoc_typehints_description_target = "documented_params"
autodoc_member_order = "bysource"
autodoc_default_options = {"members": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False

# -- cross references ----------------------------------------------------------------------
# Every reference must resolve (sphinx-build -n). There is no network when the
# docs are built, so intersphinx is not used; names from the standard library
# and from pint, attrs, cattrs and hypothesis are listed here instead.
nitpicky = True
nitpick_ignore_regex = [
    (r"py:.*", r"(decimal\.)?Decimal"),
    (r"py:.*", r"(pathlib\.)?Path"),
    (r"py:.*", r"(datetime\.|dt\.)?date"),
    (r"py:.*", r"(os\.)?PathLike"),
    (r"py:.*", r"(datetime\.)?date"),
    (r"py:.*", r"(tradestats\.[\w.]+\.)?FrameT"),  # a TypeVar
    (r"py:.*", r"(enum\.)?Enum"),
    (r"py:.*", r"(tradestats\.[\w.]+\.)?Figure"),  # a type alias of the five figure types
    (r"py:.*", r"(pint\.)?(UnitRegistry|Quantity|QuantityT)"),
    (r"py:.*", r"(cattrs\.)?(converters\.)?Converter"),
    (
        r"py:.*",
        r"(hypothesis\.strategies\.|st\.)(SearchStrategy|DrawFn|just|decimals|register_type_strategy)",
    ),
    (r"py:.*", r"(hypothesis\.errors\.)?InvalidArgument"),
    (r"py:.*", r"(typing\.|collections\.abc\.)?(Self|Final|Any|Literal|TypeVar|Iterable|Mapping)"),
    (r"py:.*", r"(attrs\.)?evolve"),
    (r"py:.*", r"(tradestats\.[\w.]+\.)?T"),  # a TypeVar
    (r"py:.*", r"matplotlib\..*"),  # no intersphinx: the plots return matplotlib figures
    (r"py:.*", r"(matplotlib\.figure\.)?Figure(\.savefig)?"),
    (r"py:.*", r"(datetime\.)?date"),
]

# -- HTML ----------------------------------------------------------------------------------
html_theme = "furo"
html_title = f"tradestats {release}"
html_static_path: list[str] = []


_PUBLIC_MODULES = (
    "amounts",
    "units",
    "periods",
    "fx",
    "flows",
    "hs",
    "groups",
    "measures",
    "changes",
    "shares",
    "verify.intervals",
    "verify.figures",
    "verify.bounds",
    "verify._scan",
    "claims.report",
    "claims.files",
    "claims.consistency",
    "claims.writing",
    "extraction._extract",
    "structuring",
    "errors",
)


def _home_modules() -> dict[str, str]:
    """Each public name of ``tradestats`` → the module that documents it."""
    homes: dict[str, str] = {}
    for short in _PUBLIC_MODULES:
        module = importlib.import_module(f"tradestats.{short}")
        for name in module.__all__:
            homes.setdefault(name, module.__name__)
    return homes


_HOMES = _home_modules()
_PACKAGES = ("tradestats.verify", "tradestats.claims")
#: Packages of the extras, whose names are documented in their own submodules.
_EXTRAS = ("tradestats.tables", "tradestats.plots")


def _extra_home(target: str) -> str | None:
    """``tradestats.plots.plot_check`` → ``tradestats.plots.check.plot_check``."""
    for package in _EXTRAS:
        name, _, attribute = target.removeprefix(package + ".").partition(".")
        if target.startswith(package + ".") and name:
            module = importlib.import_module(package)
            if name in getattr(module, "__all__", ()):
                home = getattr(getattr(module, name), "__module__", package)
                return ".".join(part for part in (home, name, attribute) if part)
    return None


def _public_reference(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: Any
) -> Any:  # docutils nodes; docutils has no type stubs here
    """Resolve ``tradestats.Name`` to where the reference documents it.

    Docstrings write the public, re-exported name (``tradestats.ExchangeRate``, or
    ``tradestats.verify.Interval`` from a layer package), while the reference
    documents each object in its own module (``tradestats.fx.ExchangeRate``).
    """
    target = node.get("reftarget", "")
    domain = env.get_domain("py")
    extra = _extra_home(target)
    if extra is not None:
        return domain.resolve_xref(
            env, node.get("refdoc", ""), app.builder, node["reftype"], extra, node, contnode
        )
    # The layer packages re-export their names too (tradestats.verify.Interval).
    for package in _PACKAGES:
        if target.startswith(package + "."):
            target = "tradestats." + target.removeprefix(package + ".")
    prefix, _, rest = target.partition(".")
    name, _, attribute = rest.partition(".")
    if prefix != "tradestats" or name not in _HOMES:
        return None
    full = ".".join(part for part in (_HOMES[name], name, attribute) if part)
    return domain.resolve_xref(
        env, node.get("refdoc", ""), app.builder, node["reftype"], full, node, contnode
    )


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the resolver of public names; check that the reference can be complete."""
    try:
        importlib.import_module("tradestats.strategies")
    except ImportError as error:
        message = (
            "the API reference documents tradestats.strategies, which needs hypothesis: "
            'pip install -e ".[docs,strategies]"'
        )
        raise RuntimeError(message) from error
    app.connect("missing-reference", _public_reference)
    return {"parallel_read_safe": True}
