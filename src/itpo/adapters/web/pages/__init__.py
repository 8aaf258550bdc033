"""The pages, one module per area of the site; each module's `router` is mounted by
`itpo.adapters.web.install_web`."""
