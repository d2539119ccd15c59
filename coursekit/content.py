"""Read a chapter's quiz and exercise content (YAML under ``content/<chapter>/``)."""
from __future__ import annotations

from pathlib import Path

import yaml

from .paths import CONTENT_DIR, REPO_ROOT


class ContentError(ValueError):
    """A quiz or exercise file is malformed; the message names the file and the entry."""


def content_path(chapter: str, name: str, content_dir: Path = CONTENT_DIR) -> Path:
    return Path(content_dir) / chapter / f"{name}.yml"


def load_yaml(chapter: str, name: str, content_dir: Path = CONTENT_DIR):
    path = content_path(chapter, name, content_dir)
    if not path.exists():
        raise ContentError(f"{_shown(path)}: no such file (chapter {chapter!r}, content {name!r}).")
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")), _shown(path)
    except yaml.YAMLError as error:
        raise ContentError(f"{_shown(path)}: not valid YAML: {error}") from error


def _shown(path: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(REPO_ROOT))
    except ValueError:
        return str(path)


def require(condition: bool, where: str, message: str) -> None:
    if not condition:
        raise ContentError(f"{where}: {message}")
