"""``warta backup`` and ``warta restore`` (issue 11, finding 7).

The round trip backs up a site with articles, revisions, images with renditions and
reads, restores it in another process into another empty database and media
directory, and compares every table's row count and every media file's bytes. It
runs on the suite's database: SQLite, and PostgreSQL in the second pass.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import stat
import sys
import tarfile
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from warta.operations import backup
from warta.operations.tests.restoring import database_at, media_bytes

# Backups read committed rows: pg_dump is another process, and SQLite's backup API
# cannot read through a connection inside a write transaction.
transactional = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def make_backup(output: Path) -> Path:
    out = io.StringIO()
    call_command("backup", output=output, stdout=out)
    archives = backup.backup_archives(output)
    assert len(archives) == 1, out.getvalue()
    return archives[0]


def rewrite_archive(source: Path, target: Path, change) -> None:
    """Copy an archive member by member; ``change(name, data)`` may alter the bytes."""
    with tarfile.open(source) as old, tarfile.open(target, "w") as new:
        for member in old:
            data = change(member.name, old.extractfile(member).read())
            member.size = len(data)
            new.addfile(member, io.BytesIO(data))


@transactional
def test_round_trip_restores_every_row_and_file(demo_site, tmp_path, empty_database_url, warta_cli):
    source = backup.current_database()
    source_counts = source.counts()
    source_media = media_bytes(Path(settings.MEDIA_ROOT))
    # What the site must hold for this test to mean something.
    assert source_counts["articles_articlepage"] >= 3
    assert source_counts["wagtailcore_revision"] > source_counts["articles_articlepage"]
    assert source_counts["images_wartaimage"] >= 3
    assert source_counts["images_wartarendition"] > source_counts["images_wartaimage"]
    assert source_counts["analytics_articlereads"] > 0
    assert any(name.startswith("original_images/") for name in source_media)
    assert any(name.startswith("images/") for name in source_media)

    archive = make_backup(tmp_path / "backups")
    data_dir = tmp_path / "restored"
    result = warta_cli("restore", archive, database_url=empty_database_url, data_dir=data_dir)

    assert result.returncode == 0, result.stderr
    assert "sesuai manifest" in result.stdout
    assert database_at(empty_database_url).counts() == source_counts
    assert media_bytes(data_dir / "media") == source_media


@transactional
def test_manifest_counts_rows_and_hashes_every_file(demo_site, tmp_path):
    archive = make_backup(tmp_path / "backups")

    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        members = {member.name for member in tar if member.isfile()}
    assert manifest["database"]["vendor"] == connection.vendor
    assert manifest["database"]["tables"] == backup.current_database().counts()
    media = media_bytes(Path(settings.MEDIA_ROOT))
    assert manifest["media"] == {
        "media": {"files": len(media), "bytes": sum(map(len, media.values()))}
    }
    assert set(manifest["files"]) == members - {"manifest.json"}
    for name, content in media.items():
        assert manifest["files"][f"media/{name}"]["sha256"] == hashlib.sha256(content).hexdigest()


@transactional
def test_archive_is_private_written_whole_and_pruned(tmp_path):
    output = tmp_path / "backups"
    start = timezone.now()
    made = [
        backup.create_backup(output, keep=2, now=start + timedelta(seconds=s)) for s in (0, 1, 2)
    ]

    assert stat.S_IMODE(output.stat().st_mode) == 0o700
    assert backup.backup_archives(output) == [made[1].path, made[2].path]
    assert made[2].pruned == [made[0].path]
    assert not made[0].path.exists()
    for result in made[1:]:
        assert stat.S_IMODE(result.path.stat().st_mode) == 0o600
    # Nothing but the archives: no temporary file or folder is left behind.
    assert sorted(output.iterdir()) == [made[1].path, made[2].path]


@pytest.mark.django_db
def test_a_failed_backup_leaves_no_archive(tmp_path, monkeypatch):
    def broken_dump(self, target):
        target.write_bytes(b"half a dump")
        raise backup.BackupError("dump gagal")

    monkeypatch.setattr(type(backup.current_database()), "dump", broken_dump)
    output = tmp_path / "backups"
    with pytest.raises(backup.BackupError):
        backup.create_backup(output)
    assert list(output.iterdir()) == []


@pytest.mark.django_db
def test_backup_inside_the_media_directory_is_refused(tmp_path):
    with pytest.raises(backup.BackupError, match="di dalam folder media"):
        backup.create_backup(Path(settings.MEDIA_ROOT) / "backups")


def _attempt_as_unprivileged_user(output: Path) -> str:
    """``prepare_output_dir(output)`` as a user without write access to it: a forked
    child that drops to ``nobody`` when we are root (root writes anywhere), else
    this process. Returns the error message, or "" when there was none."""
    if os.geteuid() != 0:
        try:
            backup.prepare_output_dir(output)
        except backup.BackupError as error:
            return str(error)
        return ""
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        message = ""
        try:
            os.setgid(65534)
            os.setuid(65534)
            backup.prepare_output_dir(output)
        except backup.BackupError as error:
            message = str(error)
        except BaseException as error:  # noqa: BLE001 - reported to the parent
            message = f"unexpected: {error!r}"
        finally:
            os.write(write_end, message.encode())
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        message = pipe.read().decode()
    os.waitpid(child, 0)
    return message


def test_unwritable_backup_directory_is_a_clear_error():
    """The old documented steps had the postgres user write into a folder root had
    made; an unwritable folder is now a message saying what to do."""
    # Outside pytest's own 0700 folders, so that the unprivileged child can reach it.
    base = Path(tempfile.mkdtemp(prefix="warta-backup-perm-"))
    try:
        base.chmod(0o755)  # noqa: S103 - readable, writable by its owner only
        existing = base / "root-only"
        existing.mkdir(mode=0o700)
        if os.geteuid() != 0:
            existing.chmod(0o500)
            base.chmod(0o555)

        message = _attempt_as_unprivileged_user(existing)
        assert f"Folder cadangan {existing} tidak bisa ditulis" in message
        message = _attempt_as_unprivileged_user(base / "new")
        assert f"Tidak bisa membuat folder cadangan {base / 'new'}: izin ditolak" in message
        assert "install -d -m 0700" in message
        assert not (base / "new").exists()
    finally:
        base.chmod(0o700)
        (base / "root-only").chmod(0o700)
        shutil.rmtree(base)


@transactional
def test_restore_refuses_a_database_with_tables(tmp_path):
    archive = make_backup(tmp_path / "backups")
    before = backup.current_database().counts()

    with pytest.raises(backup.BackupError, match="tidak kosong"):
        backup.restore_backup(archive)
    assert backup.current_database().counts() == before


@transactional
def test_restore_refuses_media_that_is_not_empty(tmp_path, empty_database_url, warta_cli):
    archive = make_backup(tmp_path / "backups")
    data_dir = tmp_path / "restored"
    (data_dir / "media" / "documents").mkdir(parents=True)
    (data_dir / "media" / "documents" / "lama.pdf").write_bytes(b"%PDF old")

    result = warta_cli("restore", archive, database_url=empty_database_url, data_dir=data_dir)

    assert result.returncode != 0
    assert "tidak kosong" in result.stderr
    assert database_at(empty_database_url).tables() == []
    assert media_bytes(data_dir / "media") == {"documents/lama.pdf": b"%PDF old"}


@transactional
def test_restore_refuses_the_other_database_kind(tmp_path):
    archive = make_backup(tmp_path / "backups")
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"

    def relabel(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["database"]["vendor"] = other
        return json.dumps(manifest).encode()

    rewrite_archive(archive, tmp_path / "other.tar", relabel)
    with pytest.raises(backup.BackupError, match="jenis yang sama"):
        backup.restore_backup(tmp_path / "other.tar")


@transactional
def test_restore_refuses_a_cut_archive_before_touching_anything(
    tmp_path, empty_database_url, warta_cli
):
    archive = make_backup(tmp_path / "backups")
    cut = tmp_path / "cut.tar"
    cut.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    data_dir = tmp_path / "restored"

    result = warta_cli("restore", cut, database_url=empty_database_url, data_dir=data_dir)

    assert result.returncode != 0
    assert "rusak atau terpotong" in result.stderr
    assert database_at(empty_database_url).tables() == []
    assert media_bytes(data_dir / "media") == {}


@transactional
def test_restore_reports_every_difference_and_fails(
    demo_site, tmp_path, empty_database_url, warta_cli
):
    archive = make_backup(tmp_path / "backups")
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    changed_file = next(name for name in manifest["files"] if name.startswith("media/"))

    def tamper(name, data):
        if name == changed_file:
            return data + b"x"
        if name == "manifest.json":
            manifest["database"]["tables"]["analytics_articlereads"] += 1
            return json.dumps(manifest).encode()
        return data

    rewrite_archive(archive, tmp_path / "tampered.tar", tamper)
    result = warta_cli(
        "restore",
        tmp_path / "tampered.tar",
        database_url=empty_database_url,
        data_dir=tmp_path / "restored",
    )

    assert result.returncode != 0
    assert "TIDAK SESUAI  tabel analytics_articlereads" in result.stderr
    assert f"TIDAK SESUAI  berkas {changed_file}: isinya berbeda" in result.stderr
    assert "2 selisih" in result.stderr


@pytest.mark.postgres
@pytest.mark.django_db
def test_pg_dump_gets_the_password_from_the_environment_only(tmp_path, monkeypatch, settings):
    """A pg_dump in front of the real one notes its arguments and PGPASSWORD."""
    spy = tmp_path / "bin" / "pg_dump"
    spy.parent.mkdir()
    notes = tmp_path / "pg_dump-call.json"
    spy.write_text(
        f"#!{sys.executable}\n"
        "import json, os, sys\n"
        f"json.dump({{'argv': sys.argv, 'password': os.environ.get('PGPASSWORD')}}, "
        f"open({str(notes)!r}, 'w'))\n"
        f"os.execv({shutil.which('pg_dump')!r}, ['pg_dump', *sys.argv[1:]])\n"
    )
    spy.chmod(0o755)
    monkeypatch.setenv("PATH", f"{spy.parent}{os.pathsep}{os.environ['PATH']}")
    # The test server trusts local connections, so any password is accepted.
    monkeypatch.setitem(connection.settings_dict, "PASSWORD", "rahasia-uji-123")
    out = io.StringIO()

    call_command("backup", output=tmp_path / "backups", stdout=out)

    call = json.loads(notes.read_text())
    assert call["password"] == "rahasia-uji-123"
    assert not any("rahasia-uji-123" in argument for argument in call["argv"])
    assert "rahasia-uji-123" not in out.getvalue()
    assert "--format=custom" in call["argv"]


@pytest.mark.postgres
@pytest.mark.django_db
def test_missing_pg_dump_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    with pytest.raises(backup.BackupError, match="pg_dump tidak ditemukan"):
        backup.create_backup(tmp_path / "backups")
    assert list((tmp_path / "backups").iterdir()) == []
