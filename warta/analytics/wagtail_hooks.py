"""Admin wiring for read counts: the "Statistik baca" panel on the dashboard."""

from wagtail import hooks

from warta.analytics.panels import ReadsPanel


@hooks.register("construct_homepage_panels")
def add_reads_panel(request, panels):
    panels.append(ReadsPanel(request))
