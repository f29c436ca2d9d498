"""Canonical actors: the registry of people, bodies and governments, and the name and role helpers."""

from .names import fold, fold_name, slug
from .registry import (Actor, ActorRegistry, Country, RegistryError, Tenure, default_registry,
                       load_registry)
from .roles import role_key

__all__ = ["Actor", "ActorRegistry", "Country", "RegistryError", "Tenure", "default_registry", "fold",
           "fold_name", "load_registry", "role_key", "slug"]
