#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    from warta.config.env import load_local_env

    # The checkout's .env, as the `warta` command reads it (variables set in the shell win).
    load_local_env()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "warta.config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
