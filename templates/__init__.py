"""The default templates of ``wsg render``; a ``--templates`` folder overrides them by name."""
