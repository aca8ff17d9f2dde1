"""Scripts of the repository (benchmarks, examples) loaded as modules, for tests that use them.

The benchmarks' report generators and the example gallery are not part of the
package, so tests load them from their files.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def load_script(relative: str) -> Any:
    """The script at ``relative`` (to the repository's root), run as a module."""
    path = ROOT / relative
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
