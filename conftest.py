"""Fixtures shared by every app's tests."""

import pytest


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Each test writes its uploads and renditions to its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
