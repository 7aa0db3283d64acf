"""The build backend: maturin, with profile-guided optimisation when the toolchain has it.

`pip install .` builds the extension twice when `llvm-profdata` for the active Rust
toolchain is installed (`rustup component add llvm-tools`): first instrumented, then, after
`pgo_train.py` has parsed the package's sample articles with it, optimised with the profile
that run wrote (LLVM lays out the hot paths and inlines by what the run did: up to 10% faster,
measured in the README's Performance section). Without llvm-profdata, with
`NEWSPARSE_PGO=0`, or when any step of it fails, it is maturin's plain build: PGO never
makes an install fail. Everything else (sdist, editable installs, metadata) is maturin's.
"""

from __future__ import annotations

import glob
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Mapping
from typing import Any

import maturin
from maturin import (
    build_editable,
    build_sdist,
    get_requires_for_build_editable,
    get_requires_for_build_sdist,
    prepare_metadata_for_build_wheel,
)

__all__ = [
    "build_wheel",
    "build_sdist",
    "build_editable",
    "get_requires_for_build_wheel",
    "get_requires_for_build_sdist",
    "get_requires_for_build_editable",
    "prepare_metadata_for_build_wheel",
]

HERE = os.path.dirname(os.path.abspath(__file__))


def _say(message: str) -> None:
    print(f"newsparse build: {message}", flush=True)


def _profdata() -> str | None:
    """The active toolchain's llvm-profdata (its LLVM must match rustc's), or None."""
    if os.environ.get("NEWSPARSE_PGO", "1").strip().lower() in ("0", "false", "no", "off"):
        return None
    try:
        sysroot = subprocess.run(
            ["rustc", "--print", "sysroot"], capture_output=True, text=True, check=True
        ).stdout.strip()
        info = subprocess.run(["rustc", "-vV"], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    host = next(
        (ln.split(":", 1)[1].strip() for ln in info.splitlines() if ln.startswith("host:")), ""
    )
    exe = "llvm-profdata.exe" if os.name == "nt" else "llvm-profdata"
    path = os.path.join(sysroot, "lib", "rustlib", host, "bin", exe)
    return path if os.path.isfile(path) else None


def get_requires_for_build_wheel(config_settings: Mapping[str, Any] | None = None) -> list[str]:
    # the training run converts the tables to numpy arrays, as `parse` does
    extra = ["numpy"] if _profdata() else []
    return [*maturin.get_requires_for_build_wheel(config_settings), *extra]


def _with_rustflags(flag: str, **env: str) -> dict[str, str | None]:
    """os.environ with `flag` added to RUSTFLAGS and `env` set; the old values to restore."""
    saved = {k: os.environ.get(k) for k in ("RUSTFLAGS", *env)}
    os.environ["RUSTFLAGS"] = f"{os.environ.get('RUSTFLAGS', '')} {flag}".strip()
    os.environ.update(env)
    return saved


def _restore(saved: Mapping[str, str | None]) -> None:
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


def _profile(profdata: str, config_settings: Mapping[str, Any] | None) -> str:
    """Build instrumented, run the training parse, merge: the profile's path."""
    target = os.path.abspath("target")
    work = tempfile.mkdtemp(prefix="newsparse-pgo-")
    try:
        raw = os.path.join(work, "raw")
        wheels = os.path.join(work, "wheel")
        os.makedirs(wheels)
        _say("building an instrumented extension for profile-guided optimisation")
        # its own target folder: the plain build's cache stays as it was
        saved = _with_rustflags(
            f"-Cprofile-generate={raw}",
            CARGO_TARGET_DIR=os.path.join(target, "pgo-instrumented"),
        )
        try:
            name = maturin.build_wheel(wheels, config_settings)
        finally:
            _restore(saved)
        site = os.path.join(work, "site")
        with zipfile.ZipFile(os.path.join(wheels, name)) as z:
            z.extractall(site)
        _say("training run on the sample articles")
        env = {**os.environ, "LLVM_PROFILE_FILE": os.path.join(raw, "train-%p-%m.profraw")}
        subprocess.run(
            [sys.executable, os.path.join(HERE, "pgo_train.py"), site], env=env, check=True
        )
        merged = os.path.join(work, "merged.profdata")
        raws = glob.glob(os.path.join(raw, "train-*.profraw"))
        if not raws:
            raise RuntimeError("the training run wrote no profile")
        subprocess.run([profdata, "merge", "-o", merged, *raws], check=True)
        # named by its content: RUSTFLAGS changes with the profile, so cargo rebuilds the
        # dependencies with it too (it tracks the flags, not the file)
        with open(merged, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()[:16]
        keep = os.path.join(target, "pgo")
        os.makedirs(keep, exist_ok=True)
        for old in glob.glob(os.path.join(keep, "*.profdata")):
            os.remove(old)
        out = os.path.join(keep, f"newsparse-{digest}.profdata")
        shutil.copy2(merged, out)
        return out
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _profile_or_none(config_settings: Mapping[str, Any] | None) -> str | None:
    """`_profile` when the toolchain can take one, else None (with the reason said)."""
    profdata = _profdata()
    if profdata is None:
        _say(
            "building without profile-guided optimisation "
            "(`rustup component add llvm-tools` makes parsing up to 10% faster)"
        )
        return None
    try:
        return _profile(profdata, config_settings)
    except (Exception, SystemExit) as e:  # maturin exits on a failed build
        _say(f"profile-guided optimisation failed ({e!r}); building without it")
        return None


def build_wheel(
    wheel_directory: str,
    config_settings: Mapping[str, Any] | None = None,
    metadata_directory: str | None = None,
) -> str:
    profile = _profile_or_none(config_settings)
    if profile is not None:
        _say("building the extension optimised with the training profile")
        saved = _with_rustflags(
            f"-Cprofile-use={profile}",
            # its own target folder too: `maturin develop`'s cache stays warm
            CARGO_TARGET_DIR=os.path.join(os.path.abspath("target"), "pgo-optimised"),
        )
        try:
            return maturin.build_wheel(wheel_directory, config_settings, metadata_directory)
        except SystemExit as e:
            _say(f"the optimised build failed ({e!r}); building without the profile")
        finally:
            _restore(saved)
    return maturin.build_wheel(wheel_directory, config_settings, metadata_directory)
