"""Rendering: agendas (md, html, ics, schedule.json), the yearly summary and the static site.

Everything here reads the typed model and never the clock: the same dataset and
the same "today" give byte-identical output.
"""
