"""The MkDocs plugin ``hinges``: the registry as a catalog inside an MkDocs site.

Glue only: :mod:`.config` declares the options, :mod:`.plugin` hooks MkDocs' events and
hands the loaded registry to the pure page builders of :mod:`hinges.site`.
"""
