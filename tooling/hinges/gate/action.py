"""The steps of the GitHub Action (``action.yml``), as one script a test can run as is.

Run as ``python -m hinges.gate.action`` from the workspace. It reads the action's inputs
from ``HINGES_ROOT``, ``HINGES_BASE``, ``HINGES_STRICT`` and ``HINGES_SARIF_FILE`` (set by
``action.yml``) and the variables GitHub sets (``GITHUB_EVENT_NAME``, ``GITHUB_BASE_REF``,
``GITHUB_EVENT_PATH``, ``GITHUB_STEP_SUMMARY``, ``GITHUB_OUTPUT``, ``RUNNER_TEMP``), then:

1. picks the base ref: the input; else on a pull request the first parent of the merge
   commit GitHub checked out (the base the merge result was made from; comparing with a
   base branch that moved on since would report its new records as deleted), or
   ``origin/<base branch>`` when the checkout is not a merge; the queue's base commit on
   ``merge_group``; the previous commit on ``push``; else none;
2. fetches the base with ``git fetch --depth=1`` if the checkout does not have it;
3. runs ``hinges check --base REF --format github`` (annotations on the pull request:
   the findings, and a notice on each changed file a decision in force governs);
4. runs the same check with ``--format sarif -o FILE`` for code scanning;
5. appends ``hinges summary --base REF`` to the job summary (the records changed, and
   the decisions governing the changed files, one-way doors first, with their owners);
6. writes the outputs ``exit-code``, ``sarif-file`` and ``base``, and exits with the
   check's exit status (0 clean, 1 findings, 2 usage or configuration error).

Every hinges command is run as ``python -m hinges ...`` with the running interpreter and
printed first, so the log shows exactly what to run locally.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from hinges.git import GitUnavailable, run_git

_NO_COMMIT = "0" * 40


def _event(env: Mapping[str, str]) -> dict[str, object]:
    path = env.get("GITHUB_EVENT_PATH")
    if not path:
        return {}
    try:
        loaded = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def base_ref(env: Mapping[str, str]) -> str | None:
    """The ref to compare with, from the input or the event (None: check without a base)."""
    if env.get("HINGES_BASE"):
        return env["HINGES_BASE"]
    event_name = env.get("GITHUB_EVENT_NAME", "")
    if event_name in ("pull_request", "pull_request_target") and env.get("GITHUB_BASE_REF"):
        return f"origin/{env['GITHUB_BASE_REF']}"
    event = _event(env)
    if event_name == "merge_group":
        group = event.get("merge_group")
        sha = group.get("base_sha") if isinstance(group, dict) else None
        return sha if isinstance(sha, str) and sha else None
    if event_name == "push":
        before = event.get("before")
        return before if isinstance(before, str) and before and before != _NO_COMMIT else None
    return None


def merge_base_parent(cwd: Path) -> str | None:
    """The first parent of HEAD when HEAD is a merge commit (readable in a shallow clone)."""
    try:
        done = run_git(cwd, "cat-file", "-p", "HEAD")
    except GitUnavailable:
        return None
    if done.returncode != 0:
        return None
    header = done.stdout.split(b"\n\n", 1)[0].decode("utf-8", "replace").splitlines()
    parents = [line.split()[1] for line in header if line.startswith("parent ")]
    return parents[0] if len(parents) == 2 else None


def _git_ok(cwd: Path, *args: str) -> bool:
    try:
        return run_git(cwd, *args).returncode == 0
    except GitUnavailable:
        return False


def ensure_fetched(cwd: Path, ref: str) -> None:
    """Fetch ``ref`` from origin (one commit deep) unless the checkout already has it."""
    if _git_ok(cwd, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"):
        return
    if ref.startswith("origin/"):
        branch = ref.removeprefix("origin/")
        refspec = f"+refs/heads/{branch}:refs/remotes/origin/{branch}"
    else:
        refspec = ref
    print(f"$ git fetch --no-tags --depth=1 origin {refspec}", flush=True)
    # A failed fetch is reported by the check itself: a usage error naming the ref.
    _git_ok(cwd, "fetch", "--no-tags", "--depth=1", "origin", refspec)


def _hinges(*args: str) -> int:
    command = [sys.executable, "-m", "hinges", *args]
    print("$ python -m hinges " + " ".join(args), flush=True)
    return subprocess.run(command, check=False).returncode


def _append(path: str | None, text: str) -> None:
    if path:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(text)


def run(env: Mapping[str, str]) -> int:
    workspace = Path(env.get("GITHUB_WORKSPACE") or os.getcwd())
    root = str(workspace / env.get("HINGES_ROOT", "."))
    temp = Path(env.get("RUNNER_TEMP") or workspace)
    sarif_file = env.get("HINGES_SARIF_FILE") or str(temp / "hinges.sarif")
    base = base_ref(env)
    if base is not None and base.startswith("origin/") and not env.get("HINGES_BASE"):
        base = merge_base_parent(Path(root)) or base
    common = ["--root", root]
    if base is not None:
        ensure_fetched(Path(root), base)
        common += ["--base", base]
    strict = ["--strict"] if env.get("HINGES_STRICT", "").lower() == "true" else []
    exit_code = _hinges("check", *common, "--format", "github", *strict)
    _hinges("check", *common, "--format", "sarif", "-o", sarif_file)
    if base is not None and exit_code != 2:
        summary_file = str(temp / "hinges-summary.md")
        if _hinges("summary", "--root", root, "--base", base, "-o", summary_file) == 0:
            _append(env.get("GITHUB_STEP_SUMMARY"), Path(summary_file).read_text("utf-8"))
    outputs = {"exit-code": str(exit_code), "sarif-file": sarif_file, "base": base or ""}
    _append(env.get("GITHUB_OUTPUT"), "".join(f"{k}={v}\n" for k, v in outputs.items()))
    return exit_code


if __name__ == "__main__":
    sys.exit(run(os.environ))
