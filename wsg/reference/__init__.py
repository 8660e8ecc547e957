"""Reference data shipped with wsg: ITU Member States, ISO 3166-1 and ISO 639-1 codes."""
