from wagtail import hooks

from warta.pagecache.tagging import record_page


@hooks.register("before_serve_page")
def remember_served_page(page, request, serve_args, serve_kwargs):
    """The page cache tags a response by the page it shows (see tagging.py)."""
    record_page(request, page)
