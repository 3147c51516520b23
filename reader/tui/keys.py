"""The reader's keys, from one source: the panes' ``Binding`` objects, read through the
keymap in force (a binding remapped by its id shows its new keys everywhere).

The help screen lists them by group; the command palette offers the ones that act on
the whole reader, by binding id.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from textual.app import App
from textual.binding import Binding, BindingType
from textual.dom import DOMNode


@dataclass(frozen=True)
class KeyGroup:
    """Bindings that work in one place, and the node their actions run on."""

    title: str
    bindings: tuple[Binding, ...]
    namespace: Callable[[App[None]], DOMNode]


def bindings_of(source: list[BindingType]) -> tuple[Binding, ...]:
    return tuple(binding for binding in source if isinstance(binding, Binding))


def keys_of(app: App[None], binding: Binding, keymap: Mapping[str, str]) -> str:
    """The keys of a binding as the keymap in force has them, written for people."""
    keys = keymap.get(binding.id, binding.key) if binding.id else binding.key
    return ", ".join(app.get_key_display(Binding(key.strip(), "")) for key in keys.split(","))


def what_it_does(binding: Binding) -> str:
    return binding.tooltip or binding.description


def find_binding(groups: list[KeyGroup], binding_id: str) -> tuple[Binding, KeyGroup] | None:
    for group in groups:
        for binding in group.bindings:
            if binding.id == binding_id:
                return binding, group
    return None
