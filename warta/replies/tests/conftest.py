from warta.users.tests.conftest import newsroom  # noqa: F401  (the role fixture)
