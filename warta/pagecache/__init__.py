"""Full-page cache for readers, tagged by what each page shows, purged on publish.

What it promises: one entry per canonical address (``middleware.py``); a removed
page is never served again, an updated one at most while one request rebuilds it
(``store.py``); a cache fault renders fresh pages, never stale ones; Redis restarted,
flushed or full never brings back a page older than ``WARTA_PAGE_CACHE_CHECK_SECONDS``
(the entry's stamp: Redis run_id and the database generation, ``models.py``).

Public API: ``warta.pagecache.tagging.tag(request, *tags)`` for views, and
``warta.pagecache.services.purge_article`` / ``purge_tags`` / ``purge_all`` for writes
(``hard=True`` for a removal).
"""
