"""Articles published the way the newsroom publishes them, index included.

pytest-django runs each test in a transaction that never commits, so the
``on_commit`` step of a publication (the search index) is run here explicitly.
"""

import pytest

from warta.testing.factories import make_article


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    def publish(**fields):
        with django_capture_on_commit_callbacks(execute=True):
            return make_article(**fields)

    return publish
