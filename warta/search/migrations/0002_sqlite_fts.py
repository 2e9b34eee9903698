"""On SQLite, an FTS5 index over the stored Indonesian terms.

The term columns hold stems and compound tokens made in Python (``indonesian.py``);
FTS5 indexes those tokens as they are (no stemming of its own), kept in step with
``search_searchdocument`` by triggers, so every write path (the services, bulk
inserts, deletes) updates it. Matching a term is then an index lookup instead of a
``LIKE`` scan of every document. PostgreSQL has its GIN index; nothing happens there.
"""

from django.db import migrations

FTS_TABLE = "search_fts"

CREATE = [
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(headline_terms, body_terms, "
    "content='search_searchdocument', content_rowid='article_id', "
    "tokenize='unicode61 remove_diacritics 0')",
    f"CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchdocument BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, headline_terms, body_terms) "
    "VALUES (new.article_id, new.headline_terms, new.body_terms); END",
    f"CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, headline_terms, body_terms) "
    "VALUES ('delete', old.article_id, old.headline_terms, old.body_terms); END",
    f"CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchdocument BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, headline_terms, body_terms) "
    "VALUES ('delete', old.article_id, old.headline_terms, old.body_terms); "
    f"INSERT INTO {FTS_TABLE}(rowid, headline_terms, body_terms) "
    "VALUES (new.article_id, new.headline_terms, new.body_terms); END",
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
]

DROP = [
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_update",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]


def create_fts(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for sql in CREATE:
            schema_editor.execute(sql)


def drop_fts(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for sql in DROP:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create_fts, drop_fts, elidable=False)]
