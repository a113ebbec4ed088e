"""Ask a git remote for a commit id, and fetch only a registry's folders from it.

Only ``hinges sources sync`` calls this. Authentication is git's own (credential helpers,
SSH keys and agents); git never prompts (``GIT_TERMINAL_PROMPT=0``), so a sync in CI fails
with a message instead of hanging. In every git message shown, the credentials of any URL
are replaced by ``***`` (:func:`hinges.source_config.redact_credentials`), the URL's user
and password wherever else they appear too, and control characters are made visible.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from hinges.errors import HingesError
from hinges.git import run_git
from hinges.source_config import redact_credentials
from hinges.visible import shorten, visible

_MAX_DETAIL = 300

LS_REMOTE_TIMEOUT = 60.0
FETCH_TIMEOUT = 300.0
_QUIET = {"GIT_TERMINAL_PROMPT": "0"}


class RemoteError(HingesError):
    """git could not reach a source, or the source has no such ref."""


def redact(text: str, secrets: tuple[str, ...]) -> str:
    """``text`` without credentials or ``secrets``, control characters visible, bounded.

    Not :func:`hinges.net.http.redact`: importing that module loads ``urllib.request``,
    a cost every sync would pay once per run for nothing.
    """
    text = redact_credentials(text)
    for secret in secrets:
        text = text.replace(secret, "***")
    return visible(shorten(text, _MAX_DETAIL))


def _secrets(location: str) -> tuple[str, ...]:
    """The user and password of a URL: redacted wherever git's message repeats them."""
    parts = urlsplit(location) if "://" in location else None
    if parts is None or "@" not in parts.netloc:
        return ()
    userinfo = parts.netloc.rsplit("@", 1)[0]
    return tuple(p for p in (userinfo, *userinfo.split(":", 1)) if len(p) > 2)


def shown(location: str) -> str:
    """``location`` as messages show it: credentials redacted, control characters visible."""
    return redact(location, _secrets(location))


def _failure(location: str, what: str, stderr: bytes) -> RemoteError:
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines()]
    # git's first fatal line says why; what follows is advice ("Please make sure ...").
    reasons = [line for line in lines if line.startswith(("fatal:", "error:"))]
    others = [line for line in lines if line and not line.startswith("warning:")]
    detail = (reasons or others[-1:] or ["no message from git"])[0]
    secrets = _secrets(location)
    return RemoteError(f"{what} {shown(location)}: {redact(detail, secrets)}")


def _ref_line(listing: str, ref: str) -> tuple[str, str] | None:
    """The commit id ``git ls-remote`` gives for ``ref`` and the full name it was found as:
    exact name, branch, peeled tag, tag."""
    ids: dict[str, str] = {}
    for line in listing.splitlines():
        commit, _, name = line.partition("\t")
        ids[name.strip()] = commit.strip()
    for candidate in (ref, f"refs/heads/{ref}", f"refs/tags/{ref}^{{}}", f"refs/tags/{ref}"):
        if candidate in ids:
            return ids[candidate], candidate.removesuffix("^{}")
    return None


def remote_commit(location: str, ref: str, cwd: Path) -> tuple[str, str]:
    """The commit ``ref`` names on the remote now, and the full ref name to fetch it by
    (``refs/heads/main``): one ``git ls-remote``, nothing fetched."""
    # Both patterns: an annotated tag's own id is not a commit, its peeled line (^{}) is.
    done = run_git(
        cwd, "ls-remote", location, ref, f"{ref}^{{}}", timeout=LS_REMOTE_TIMEOUT, env=_QUIET
    )
    if done.returncode != 0:
        raise _failure(location, "cannot reach", done.stderr)
    found = _ref_line(done.stdout.decode("utf-8", "replace"), ref)
    if found is None:
        raise RemoteError(f"{shown(location)} has no branch or tag '{redact(ref, ())}'")
    return found


def _git(cwd: Path, location: str, what: str, *args: str) -> bytes:
    done = run_git(cwd, *args, timeout=FETCH_TIMEOUT, env=_QUIET)
    if done.returncode != 0:
        raise _failure(location, what, done.stderr)
    return done.stdout


def _sparse(target: Path, patterns: list[str]) -> None:
    # Written directly rather than through `git sparse-checkout`, whose options changed
    # across git versions; non-cone patterns anchored at the root ("/decisions/").
    (target / ".git" / "info").mkdir(parents=True, exist_ok=True)
    (target / ".git" / "info" / "sparse-checkout").write_text("\n".join(patterns) + "\n")


def _configure(target: Path, location: str) -> None:
    """The remote, as a promisor of blobs, and the sparse checkout: written as git's own
    configuration text, one file instead of four ``git config`` processes per source."""
    if any(c in location for c in "\n\r\0"):
        raise RemoteError(f"{shown(location)} is not a URL or path git can use")
    quoted = location.replace("\\", "\\\\").replace('"', '\\"')
    with (target / ".git" / "config").open("a", encoding="utf-8") as config:
        config.write(
            "[core]\n\tsparseCheckout = true\n"
            '[remote "origin"]\n'
            f'\turl = "{quoted}"\n'
            "\tfetch = +refs/heads/*:refs/remotes/origin/*\n"
            "\tpromisor = true\n\tpartialclonefilter = blob:none\n"
        )


def fetch_tree(
    location: str,
    ref: str,
    path: str,
    target: Path,
    folders: Callable[[Path], list[str]],
) -> str:
    """Check out the registry at ``path`` of ``ref`` into the new folder ``target``.

    A shallow (``--depth 1``), blobless fetch with a sparse checkout: first the
    configuration files at ``path``, then the folders ``folders(registry_root)`` names once
    that configuration can be read. Servers that do not filter send the whole commit's
    files, and only the sparse ones are written. ``target``'s ``.git`` is removed at the
    end: the cache holds plain files, and no remote URL (nor its credentials). Returns the
    commit id checked out.
    """
    base = "" if path in ("", ".") else path.strip("/") + "/"
    target.mkdir(parents=True)
    _git(target, location, "cannot set up a copy of", "init", "-q")
    _configure(target, location)
    _sparse(target, [f"/{base}hinges.toml", f"/{base}pyproject.toml"])
    fetch = ("fetch", "-q", "--depth", "1", "--filter=blob:none", "--no-tags", "origin", ref)
    _git(target, location, "cannot fetch from", *fetch)
    _git(target, location, "cannot check out", "checkout", "-q", "--detach", "FETCH_HEAD")
    wanted = folders(target / path)
    patterns = [f"/{base}hinges.toml", f"/{base}pyproject.toml"]
    patterns += [f"/{base}{folder.strip('/')}/" for folder in wanted]
    _sparse(target, patterns)
    _git(target, location, "cannot check out", "read-tree", "-mu", "HEAD")
    # A detached HEAD holds the commit id itself (a tag was peeled by the checkout).
    commit = (target / ".git" / "HEAD").read_text("ascii", "replace").strip()
    shutil.rmtree(target / ".git")
    if len(commit) < 40 or not all(c in "0123456789abcdef" for c in commit):
        raise RemoteError(f"cannot read the commit checked out from {shown(location)}")
    return commit
