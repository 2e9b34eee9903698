"""An index for the newsroom's article listing (``admin_listing``): latest change first.

The listing orders every article by ``latest_revision_created_at`` (then id) and
shows 50; without an index each page sorts all articles: 38-52 ms at 100,000 on
either database, 0.2-0.6 ms with it (bench/admin_scale.py, bench/README.md). The
column is Wagtail's, so the index is made here with SQL both databases accept.
"""

from django.db import migrations

INDEX = "warta_page_latest_change_idx"


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_takedown_survives_deletion_and_expiry"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} "
            "ON wagtailcore_page (latest_revision_created_at, id)",
            f"DROP INDEX IF EXISTS {INDEX}",
        ),
    ]
