"""Files that ship inside the package (migrations, document templates), found through
``importlib.resources`` so an installed wheel finds them exactly as a source checkout does."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def package_dir(package: str, *parts: str) -> Path:
    """The directory ``parts`` inside ``package``, as a path on disk.

    Jinja's ``FileSystemLoader``, WeasyPrint and Alembic need real paths. pip unpacks a wheel onto
    disk, so the resource is a ``Path``; anything else (a zipped install) fails here, loudly, at
    import rather than at the first certificate or migration.
    """
    found = resources.files(package).joinpath(*parts)
    if not isinstance(found, Path) or not found.is_dir():
        raise FileNotFoundError(
            f"{package}: {'/'.join(parts)} is missing from the installed package"
        )
    return found
