"""Full-page cache for readers, tagged by what each page shows, purged on publish.

Public API: ``warta.pagecache.tagging.tag(request, *tags)`` for views, and
``warta.pagecache.services.purge_article`` / ``purge_tags`` / ``purge_all`` for writes.
"""
