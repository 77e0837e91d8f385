"""The CAMEO codebook with Goldstein scores, quad classes and PLOVER mappings.

Data live in ``data/cameo.csv`` (code, root, name, goldstein, quad_class) and ``data/plover.csv``
(cameo, plover_type, plover_mode, plover_context); see ``data/README.md`` for sources. Codes are
zero-padded strings of 2 (root), 3 or 4 digits: ``"04"``, ``"042"``, ``"0211"``.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
CAMEO_CSV = DATA_DIR / "cameo.csv"
PLOVER_CSV = DATA_DIR / "plover.csv"

CAMEO_COLUMNS = ("code", "root", "name", "goldstein", "quad_class")
PLOVER_COLUMNS = ("cameo", "plover_type", "plover_mode", "plover_context")
_CODE_RE = re.compile(r"\d{2,4}")

QUAD_CLASSES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
"""GDELT quad classes: roots 01-05, 06-08, 09-13 and 14-20."""


class CodebookError(ValueError):
    """A codebook file is malformed; the message names the file and row."""


def quad_class_of(root: str) -> int:
    """The GDELT quad class (1-4) of a two-digit CAMEO root such as ``"11"``."""
    r = int(root)
    if not 1 <= r <= 20:
        raise ValueError(f"CAMEO roots are 01-20, got {root!r}")
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code with its scores and PLOVER equivalent."""

    code: str
    root: str
    name: str
    goldstein: float
    """Goldstein conflict-cooperation score, -10 (most conflictual) to +10."""
    quad_class: int
    """1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
    plover_type: str
    """PLOVER event type (``CONSULT``, ``ASSAULT``, ...); ``NONE`` for root 01 (not in PLOVER)."""
    plover_mode: str = ""
    plover_context: str = ""
    """PLOVER context(s), ``;``-separated when there are several; often empty."""

    @property
    def is_root(self) -> bool:
        """True for the two-digit root codes."""
        return len(self.code) == 2

    @property
    def parent(self) -> str | None:
        """The code one level up (``"0211"`` -> ``"021"``, ``"042"`` -> ``"04"``), or None."""
        return self.code[:-1] if len(self.code) > 2 else None


class Codebook:
    """All CAMEO codes, looked up by zero-padded code string."""

    def __init__(self, codes: dict[str, CameoCode]) -> None:
        self._codes = dict(codes)

    def get(self, code: str) -> CameoCode:
        """The entry for ``code``; raises KeyError for unknown codes."""
        try:
            return self._codes[code]
        except (KeyError, TypeError):
            raise KeyError(
                f"unknown CAMEO code {code!r}: codes are 2-4 digit zero-padded strings "
                f"such as '04', '042' or '0211'"
            ) from None

    def __getitem__(self, code: str) -> CameoCode:
        return self.get(code)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._codes

    def __iter__(self) -> Iterator[CameoCode]:
        return iter(self._codes.values())

    def __len__(self) -> int:
        return len(self._codes)

    def roots(self) -> list[CameoCode]:
        """The twenty root codes, 01 to 20."""
        return [c for c in self._codes.values() if c.is_root]

    def children(self, code: str) -> list[CameoCode]:
        """Codes directly under ``code`` (``"04"`` -> 040..046)."""
        self.get(code)
        return [c for c in self._codes.values() if c.parent == code]


def load_codebook(
    path: str | Path | None = None, plover_path: str | Path | None = None
) -> Codebook:
    """Load and validate the codebook (cached per file pair).

    ``path`` is the CAMEO CSV (default: the packaged ``cameo.csv``); ``plover_path`` defaults to
    ``plover.csv`` next to it. Raises CodebookError naming the file and row on bad data.
    """
    if path is None and plover_path is None:
        return _packaged()
    cameo = Path(path) if path is not None else CAMEO_CSV
    plover = Path(plover_path) if plover_path is not None else cameo.with_name("plover.csv")
    return _load(cameo.resolve(), plover.resolve())


@lru_cache(maxsize=1)
def _packaged() -> Codebook:
    return _load(CAMEO_CSV.resolve(), PLOVER_CSV.resolve())


@lru_cache(maxsize=8)
def _load(cameo_path: Path, plover_path: Path) -> Codebook:
    base = _read_cameo(cameo_path)
    plover = _read_plover(plover_path, base)
    codes: dict[str, CameoCode] = {}
    for code, (line, root, name, goldstein, quad) in base.items():
        if code not in plover:
            raise CodebookError(
                f"{plover_path}: no PLOVER mapping for CAMEO code {code!r} "
                f"(defined at {cameo_path}:{line})"
            )
        ptype, pmode, pctx = plover[code]
        codes[code] = CameoCode(code, root, name, goldstein, quad, ptype, pmode, pctx)
    return Codebook(codes)


def _rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) pairs of a CSV whose header must be exactly ``columns``."""
    try:
        fh = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise CodebookError(f"{path}: cannot read codebook file: {exc}") from exc
    with fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header is None or tuple(h.strip() for h in header) != columns:
            raise CodebookError(f"{path}:1: header must be {','.join(columns)}, got {header}")
        for row in reader:
            line = reader.line_num
            if not row or all(not cell.strip() for cell in row):
                continue
            if len(row) != len(columns):
                raise CodebookError(
                    f"{path}:{line}: expected {len(columns)} fields, got {len(row)}: {row}"
                )
            yield line, {k: v.strip() for k, v in zip(columns, row, strict=True)}


def _read_cameo(path: Path) -> dict[str, tuple[int, str, str, float, int]]:
    """Codes of ``cameo.csv`` -> (line, root, name, goldstein, quad_class), validated."""
    out: dict[str, tuple[int, str, str, float, int]] = {}
    for line, r in _rows(path, CAMEO_COLUMNS):
        where = f"{path}:{line}"
        code, root = r["code"], r["root"]
        if not _CODE_RE.fullmatch(code):
            raise CodebookError(f"{where}: code {code!r} is not a 2-4 digit zero-padded string")
        if code in out:
            raise CodebookError(f"{where}: duplicate code {code!r} (first at line {out[code][0]})")
        if root != code[:2]:
            raise CodebookError(f"{where}: root {root!r} does not match code {code!r}")
        if not r["name"]:
            raise CodebookError(f"{where}: code {code!r} has no name")
        try:
            goldstein = float(r["goldstein"])
        except ValueError:
            raise CodebookError(f"{where}: goldstein {r['goldstein']!r} is not a number") from None
        if not -10.0 <= goldstein <= 10.0:
            raise CodebookError(f"{where}: goldstein {goldstein} outside -10..10")
        try:
            quad = int(r["quad_class"])
        except ValueError:
            raise CodebookError(f"{where}: quad_class {r['quad_class']!r} is not 1-4") from None
        if quad not in QUAD_CLASSES:
            raise CodebookError(f"{where}: quad_class {quad} outside 1..4")
        try:
            expected = quad_class_of(root)
        except ValueError:
            raise CodebookError(f"{where}: root {root!r} outside 01..20") from None
        if quad != expected:
            raise CodebookError(f"{where}: quad_class {quad} for root {root}, expected {expected}")
        out[code] = (line, root, r["name"], goldstein, quad)
    if not out:
        raise CodebookError(f"{path}: no codes")
    for code, (line, root, *_rest) in out.items():
        if root not in out:
            raise CodebookError(f"{path}:{line}: root {root!r} of code {code!r} is not defined")
        if len(code) > 2 and code[:-1] not in out:
            raise CodebookError(f"{path}:{line}: parent {code[:-1]!r} of {code!r} is not defined")
    return out


def _read_plover(
    path: Path, base: dict[str, tuple[int, str, str, float, int]]
) -> dict[str, tuple[str, str, str]]:
    """CAMEO code -> (type, mode, context) from ``plover.csv``, validated against ``base``."""
    out: dict[str, tuple[str, str, str]] = {}
    for line, r in _rows(path, PLOVER_COLUMNS):
        where = f"{path}:{line}"
        code = r["cameo"]
        if code not in base:
            raise CodebookError(f"{where}: CAMEO code {code!r} is not in the codebook")
        if code in out:
            raise CodebookError(f"{where}: duplicate mapping for {code!r}")
        if not r["plover_type"]:
            raise CodebookError(f"{where}: CAMEO code {code!r} has an empty plover_type")
        out[code] = (r["plover_type"], r["plover_mode"], r["plover_context"])
    return out
