"""Read a CosyVoice `*.yaml` (HyperPyYAML dialect) as plain data.

The official loader *executes* the file: `!new:` builds objects, `!apply:` calls functions.
We never import or run anything it names. Each tag becomes a small data node:

- `!new:pkg.Class {kwargs}` / `!new:pkg.Class [args]`  -> Node("new", "pkg.Class", args)
- `!name:pkg.func {kwargs}`                             -> Node("name", "pkg.func", args)
- `!apply:pkg.func [args]`                              -> Node("apply", "pkg.func", args)
- `!ref <key>` and `!ref <a> * <b>` (simple arithmetic) -> resolved to the referenced value
- `!new:omegaconf.DictConfig {content: {...}}`          -> Node whose `kwargs["content"]` holds the dict

`load_hyperyaml(text)` returns the resolved top-level mapping.
"""

from __future__ import annotations

import ast
import operator
import re
from dataclasses import dataclass, field
from typing import Any

import yaml


@dataclass
class Node:
    """A tagged value: what the official code would construct or call, kept as data."""

    kind: str  # "new" | "name" | "apply"
    target: str  # dotted class or function path, e.g. "cosyvoice.llm.llm.Qwen2LM"
    args: list[Any] = field(default_factory=list)
    kwargs: dict[str, Any] = field(default_factory=dict)

    @property
    def class_name(self) -> str:
        return self.target.rsplit(".", 1)[-1]


@dataclass
class _Ref:
    expr: str


class HyperYamlError(ValueError):
    pass


class _Loader(yaml.SafeLoader):
    pass


def _construct_tagged(kind: str):
    def construct(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Node:
        if isinstance(node, yaml.MappingNode):
            return Node(kind, suffix, kwargs=loader.construct_mapping(node, deep=True))
        if isinstance(node, yaml.SequenceNode):
            return Node(kind, suffix, args=loader.construct_sequence(node, deep=True))
        value = loader.construct_scalar(node)
        return Node(kind, suffix, args=[] if value in ("", None) else [value])

    return construct


def _construct_ref(loader: yaml.SafeLoader, node: yaml.Node) -> _Ref:
    return _Ref(str(loader.construct_scalar(node)))


_Loader.add_multi_constructor("!new:", _construct_tagged("new"))
_Loader.add_multi_constructor("!name:", _construct_tagged("name"))
_Loader.add_multi_constructor("!apply:", _construct_tagged("apply"))
_Loader.add_constructor("!ref", _construct_ref)

# YAML 1.1 (PyYAML) does not read `1e-06` as a float (it wants a dot); HyperPyYAML's
# ruamel-based loader does. Match it so `sigma_min: 1e-06` is a number, not a string.
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9][0-9_]*)(?:\.[0-9_]*)?[eE][-+]?[0-9]+$"),
    list("-+0123456789"),
)

_REF_TOKEN = re.compile(r"<([^<>]+)>")
_OPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv,
    ast.Mod: operator.mod,
    ast.Pow: operator.pow,
}


def _eval_arithmetic(expr: str) -> Any:
    """Evaluate `2 * 25` style expressions: numbers and + - * / // % ** only."""

    def ev(n: ast.AST) -> Any:
        if isinstance(n, ast.Expression):
            return ev(n.body)
        if isinstance(n, ast.Constant) and isinstance(n.value, int | float):
            return n.value
        if isinstance(n, ast.BinOp) and type(n.op) in _OPS:
            return _OPS[type(n.op)](ev(n.left), ev(n.right))
        if isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.USub | ast.UAdd):
            v = ev(n.operand)
            return -v if isinstance(n.op, ast.USub) else v
        raise HyperYamlError(f"unsupported expression in !ref: {expr!r}")

    return ev(ast.parse(expr, mode="eval"))


def _lookup(root: dict[str, Any], key: str, resolving: set[str]) -> Any:
    # HyperPyYAML allows `<a[b]>` and `<a.b>` paths; CosyVoice files use plain names.
    parts = [p for p in re.split(r"[.\[\]]", key) if p]
    if not parts or parts[0] not in root:
        raise HyperYamlError(f"!ref <{key}> points at a key the file does not define")
    if parts[0] in resolving:
        raise HyperYamlError(f"!ref <{key}> refers to itself")
    resolving.add(parts[0])
    value = _resolve(root[parts[0]], root, resolving)
    resolving.discard(parts[0])
    for p in parts[1:]:
        value = value.kwargs[p] if isinstance(value, Node) else value[p]
    return value


def _resolve(value: Any, root: dict[str, Any], resolving: set[str]) -> Any:
    if isinstance(value, _Ref):
        expr = value.expr.strip()
        whole = _REF_TOKEN.fullmatch(expr)
        if whole:
            return _lookup(root, whole.group(1), resolving)
        substituted = _REF_TOKEN.sub(lambda m: repr(_lookup(root, m.group(1), resolving)), expr)
        return _eval_arithmetic(substituted)
    if isinstance(value, Node):
        return Node(
            value.kind,
            value.target,
            [_resolve(v, root, resolving) for v in value.args],
            {k: _resolve(v, root, resolving) for k, v in value.kwargs.items()},
        )
    if isinstance(value, dict):
        return {k: _resolve(v, root, resolving) for k, v in value.items()}
    if isinstance(value, list):
        return [_resolve(v, root, resolving) for v in value]
    return value


def load_hyperyaml(text: str) -> dict[str, Any]:
    """Parse and resolve a HyperPyYAML document without executing any of it."""
    try:
        doc = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise HyperYamlError(f"not valid YAML: {exc}") from exc
    if not isinstance(doc, dict):
        raise HyperYamlError("the top level is not a mapping")
    return {k: _resolve(v, doc, set()) for k, v in doc.items()}


def node_kwargs(value: Any) -> dict[str, Any]:
    """kwargs of a node, unwrapping `!new:omegaconf.DictConfig {content: ...}`."""
    if isinstance(value, Node):
        if value.class_name == "DictConfig" and "content" in value.kwargs:
            return dict(value.kwargs["content"])
        return dict(value.kwargs)
    if isinstance(value, dict):
        return dict(value)
    raise HyperYamlError(f"expected a mapping or a !new: node, got {type(value).__name__}")
