"""The pull-request gate: the registry at a git ref, compared with the working tree.

* :mod:`hinges.gate.gitbase` reads the registry as it is at a git ref (the base branch);
* :mod:`hinges.gate.compare` pairs the records of the base and of the working tree;
* :mod:`hinges.gate.identity` tells whether two records at different paths are the same;
* :mod:`hinges.gate.summary` renders the pull-request summary (Markdown or JSON);
* :mod:`hinges.gate.action` runs the steps of the GitHub Action (``action.yml``).

The rules that judge a change against the base (HG9xx) live in :mod:`hinges.rules` like
every other rule; they see the base registry through ``Context.base``.
"""
