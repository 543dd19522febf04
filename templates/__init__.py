"""The templates, stylesheets and scripts every output is rendered with (installed as `pipeline.templates`)."""
