"""YAML loaded into values that remember file, line and key path.

Every mistake in a configuration or rule file must be reported with file, line and key, so the
loader keeps PyYAML's node marks instead of throwing them away with ``yaml.safe_load``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.nodes import Node as YamlNode

from mailsum.errors import ConfigError


@dataclass
class Node:
    """One YAML value: ``value`` is a dict of Nodes, a list of Nodes or a plain scalar."""

    value: Any
    file: str
    line: int  # 1-based line of the value
    path: str  # key path, e.g. "sources[0].port"; "" for the document root
    key_line: int = 0  # line of the mapping key (or the list item) that holds the value

    def __post_init__(self) -> None:
        if not self.key_line:
            self.key_line = self.line

    # ------------------------------------------------------------------ errors

    def error(self, message: str) -> ConfigError:
        return ConfigError(self.file, self.key_line, self.path, message)

    def expected(self, what: str) -> ConfigError:
        return self.error(f"expected {what}, got {describe(self.value)}")

    def child_path(self, key: str | int) -> str:
        if isinstance(key, int):
            return f"{self.path}[{key}]"
        return f"{self.path}.{key}" if self.path else key

    # ------------------------------------------------------------------ shapes

    def mapping(self, allowed: Iterable[str], required: Iterable[str] = ()) -> dict[str, Node]:
        """The mapping's entries, after rejecting unknown keys and reporting missing ones."""
        if not isinstance(self.value, dict):
            raise self.expected("a mapping")
        allowed = list(allowed)
        for key, child in self.value.items():
            if key not in allowed:
                raise child.error(unknown_key_message(key, allowed))
        for key in required:
            if self.value.get(key) is None or self.value[key].value is None:
                raise ConfigError(self.file, self.key_line, self.child_path(key),
                                  "missing required key")
        return {k: v for k, v in self.value.items() if v.value is not None}

    def items(self) -> list[Node]:
        if not isinstance(self.value, list):
            raise self.expected("a list")
        return list(self.value)

    # ------------------------------------------------------------------ scalars

    def as_str(self) -> str:
        if not isinstance(self.value, str):
            raise self.expected("a string")
        text = self.value.strip()
        if not text:
            raise self.error("must not be empty")
        return text

    def as_int(self, minimum: int | None = None, maximum: int | None = None) -> int:
        if isinstance(self.value, bool) or not isinstance(self.value, int):
            raise self.expected("an integer")
        if minimum is not None and self.value < minimum:
            raise self.error(f"must be at least {minimum}, got {self.value}")
        if maximum is not None and self.value > maximum:
            raise self.error(f"must be at most {maximum}, got {self.value}")
        return self.value

    def as_float(self, positive: bool = True) -> float:
        if isinstance(self.value, bool) or not isinstance(self.value, int | float):
            raise self.expected("a number")
        if positive and self.value <= 0:
            raise self.error(f"must be greater than 0, got {self.value}")
        return float(self.value)

    def as_bool(self) -> bool:
        if not isinstance(self.value, bool):
            raise self.expected("true or false")
        return self.value

    def as_enum(self, choices: Iterable[str]) -> str:
        choices = list(choices)
        text = self.as_str()
        if text not in choices:
            raise self.error(f"expected one of {', '.join(choices)}, got {text!r}")
        return text

    def as_date(self) -> date:
        if isinstance(self.value, datetime):
            return self.value.date()
        if isinstance(self.value, date):
            return self.value
        if isinstance(self.value, str):
            try:
                return date.fromisoformat(self.value.strip())
            except ValueError:
                pass
        raise self.expected("a date (YYYY-MM-DD)")

    def as_str_list(self) -> list[tuple[str, Node]]:
        """A string or a list of strings, each with the node that holds it."""
        if isinstance(self.value, list):
            if not self.value:
                raise self.error("must not be an empty list")
            return [(item.as_str(), item) for item in self.value]
        return [(self.as_str(), self)]

    def plain(self) -> Any:
        """The value without positions."""
        if isinstance(self.value, dict):
            return {k: v.plain() for k, v in self.value.items()}
        if isinstance(self.value, list):
            return [v.plain() for v in self.value]
        return self.value


def describe(value: Any) -> str:
    """How a wrong value is shown in an error."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return repr(value)
    return str(value)


def unknown_key_message(key: str, allowed: Iterable[str]) -> str:
    close = difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"unknown key {key!r}{hint}"


def display_path(path: Path) -> str:
    """A path as shown in messages: relative to the working folder when it lies inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def load_yaml(path: Path) -> Node:
    """Read and parse one YAML file; an unreadable file is a ConfigError too."""
    file = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(file, None, "", "file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(file, None, "", f"cannot read file: {exc}") from None
    return parse_yaml(text, file)


MAX_DEPTH = 32  # nesting a config or rules file ever needs is under 10
MAX_NODES = 200_000  # values after aliases are expanded: a "billion laughs" file stops here


def _check_depth(text: str, file: str) -> None:
    """Refuse nesting past MAX_DEPTH from the event stream, before the recursive composer (and
    our conversion) could run out of stack on it."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise ConfigError(file, event.start_mark.line + 1, "",
                                      f"nested deeper than {MAX_DEPTH} levels")
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return  # parse_yaml reports syntax errors with their line


def parse_yaml(text: str, file: str) -> Node:
    """Parse one YAML document; an empty document gives an empty mapping."""
    _check_depth(text, file)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise ConfigError(file, line, "", f"YAML syntax error: {problem}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(file, None, "", f"YAML syntax error: {exc}") from None
    if root is None:
        return Node({}, file, 1, "")
    return _convert(root, file, "", SafeConstructor(), 0, [0])


def _convert(node: YamlNode, file: str, path: str, ctor: SafeConstructor, key_line: int,
             count: list[int]) -> Node:
    line = node.start_mark.line + 1
    count[0] += 1
    if count[0] > MAX_NODES:  # aliases that repeat aliases: exponential once expanded
        raise ConfigError(file, key_line or line, path,
                          f"more than {MAX_NODES} values once aliases are expanded "
                          "(an alias bomb?)")
    if isinstance(node, MappingNode):
        entries: dict[str, Node] = {}
        for key_node, value_node in node.value:
            kline = key_node.start_mark.line + 1
            if not isinstance(key_node, ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                raise ConfigError(file, kline, path, "keys must be plain strings")
            key = str(key_node.value)
            child_path = f"{path}.{key}" if path else key
            if key in entries:
                first = entries[key].key_line
                raise ConfigError(file, kline, child_path,
                                  f"duplicate key (first given on line {first})")
            entries[key] = _convert(value_node, file, child_path, ctor, kline, count)
        return Node(entries, file, line, path, key_line or line)
    if isinstance(node, SequenceNode):
        items = [
            _convert(item, file, f"{path}[{i}]", ctor, item.start_mark.line + 1, count)
            for i, item in enumerate(node.value)
        ]
        return Node(items, file, line, path, key_line or line)
    try:
        value = ctor.construct_object(node, deep=True)
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(file, line, path, f"invalid value: {problem}") from None
    except ValueError as exc:  # 2026-13-45 looks like a date to YAML, and is none
        raise ConfigError(file, line, path,
                          f"invalid value {node.value!r}: {exc}") from None
    return Node(value, file, line, path, key_line or line)
