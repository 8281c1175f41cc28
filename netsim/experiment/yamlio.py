"""Safe YAML loading with line-numbered errors and no silent duplicate keys."""

from __future__ import annotations

import os
from typing import Any

import yaml

from netsim.errors import ScenarioError

__all__ = ["load_yaml"]


class _StrictLoader(yaml.SafeLoader):
    """A SafeLoader that rejects duplicate mapping keys (PyYAML keeps the last one)."""


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False):
    loader.flatten_mapping(node)
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        line = key_node.start_mark.line + 1
        if key in seen:
            raise ScenarioError(
                f"{key_node.start_mark.name}: line {line}: duplicate key {key!r} "
                f"(first at line {seen[key]}); each key may appear once"
            )
        seen[key] = line
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: str | os.PathLike) -> Any:
    """Parse a YAML file with a safe loader; errors name the file, line and column."""
    path = os.fspath(path)
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except FileNotFoundError:
        raise ScenarioError(f"{path}: no such file") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown place"
        raise ScenarioError(
            f"{path}: malformed YAML at {where}: {exc.problem or exc.context}"
        ) from None
    except yaml.YAMLError as exc:
        raise ScenarioError(f"{path}: malformed YAML: {exc}") from None
