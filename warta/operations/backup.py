"""A whole Warta site in one archive, and back again.

Everything lives in two places: the database and the media directory (uploads and
renditions). Static files and caches are rebuilt from the code and the database, so
they are left out. ``create_backup`` writes both into one dated tar file with a
``manifest.json`` (row counts per table, sha256 of every file inside);
``restore_backup`` puts an archive back into an *empty* database and media directory
and checks the result against that manifest.

The database copy is consistent while the site runs: on PostgreSQL ``pg_dump`` runs
on a snapshot exported by a read-only transaction that also counts the rows; on
SQLite the online backup API copies the file and the rows are counted in the copy.
Restores go between databases of the same kind only (PostgreSQL to PostgreSQL,
SQLite to SQLite).

Messages in ``BackupError`` are for the operator, in Indonesian like every ``warta``
command. Passwords never reach a command line or a log: ``pg_dump`` and
``pg_restore`` get the connection through libpq's environment variables.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.db import connections
from django.utils import timezone

FORMAT = "warta-backup"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
ARCHIVE_PREFIX = "warta-backup-"
ARCHIVE_SUFFIX = ".tar"
ARCHIVE_NAME_RE = re.compile(r"^warta-backup-\d{8}-\d{6}\.tar$")
DATABASE_MEMBERS = {"postgresql": "database/warta.pgdump", "sqlite": "database/warta.sqlite3"}
MEDIA_ROOT_NAME = "media"
CHUNK = 1 << 20

# Connection settings that libpq also reads from the environment (see "Environment
# Variables" in the libpq manual). The password goes this way, never as an argument.
LIBPQ_ENV = {
    "dbname": "PGDATABASE",
    "user": "PGUSER",
    "password": "PGPASSWORD",
    "host": "PGHOST",
    "port": "PGPORT",
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "service": "PGSERVICE",
    "passfile": "PGPASSFILE",
    "options": "PGOPTIONS",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "application_name": "PGAPPNAME",
    "target_session_attrs": "PGTARGETSESSIONATTRS",
}


class BackupError(Exception):
    """Something the operator must fix; the message says what, in Indonesian."""


@dataclass
class BackupResult:
    path: Path
    tables: dict[str, int]
    files: int
    size: int
    pruned: list[Path] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(self.tables.values())


@dataclass
class RestoreReport:
    archive: Path
    tables: int = 0
    rows: int = 0
    files: int = 0
    mismatches: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.mismatches


# The database ---------------------------------------------------------------------


class SQLiteDatabase:
    """An SQLite database: online backup API both ways.

    Bound to Django's connection (``django_connection``), it reads through that
    connection: a second connection to the same file would wait for the first
    one's write transaction (and on Django's in-memory test databases, forever).
    """

    vendor = "sqlite"

    def __init__(self, name: str, django_connection=None):
        self.name = str(name)
        self.django_connection = django_connection

    @contextmanager
    def _open(self) -> Iterator[sqlite3.Connection]:
        if self.django_connection is not None:
            if self.django_connection.in_atomic_block:
                # The backup API would wait for this very transaction forever.
                raise BackupError("SQLite tidak bisa dicadangkan dari dalam transaksi.")
            self.django_connection.ensure_connection()
            yield self.django_connection.connection
            return
        # Django's in-memory test databases are shared-cache URIs (file:...?mode=memory).
        connection = sqlite3.connect(self.name, uri=self.name.startswith("file:"))
        try:
            yield connection
        finally:
            connection.close()

    def dump(self, target: Path) -> dict[str, int]:
        """Copy the live database to ``target``; the counts come from the copy, so
        they describe exactly what was saved."""
        copy = sqlite3.connect(target)
        try:
            with self._open() as source:
                source.backup(copy)
            return sqlite_counts(copy)
        finally:
            copy.close()

    def tables(self) -> list[str]:
        in_file = self.django_connection is None and not self.name.startswith("file:")
        if in_file and not Path(self.name).exists():
            return []
        with self._open() as connection:
            return sqlite_tables(connection)

    def counts(self) -> dict[str, int]:
        with self._open() as connection:
            return sqlite_counts(connection)

    def load(self, dump: Path) -> None:
        """Write the saved copy into the target through SQLite itself (not a file
        copy), so a WAL file or an open connection cannot mix old pages in."""
        if not self.name.startswith("file:"):
            Path(self.name).parent.mkdir(parents=True, exist_ok=True)
        source = sqlite3.connect(dump)
        try:
            with self._open() as target:
                source.backup(target)
        finally:
            source.close()


def sqlite_tables(connection: sqlite3.Connection) -> list[str]:
    rows = connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    )
    return [name for (name,) in rows]


def sqlite_counts(connection: sqlite3.Connection) -> dict[str, int]:
    quoted = {name: '"' + name.replace('"', '""') + '"' for name in sqlite_tables(connection)}
    return {
        name: connection.execute(f"SELECT count(*) FROM {quoted_name}").fetchone()[0]  # noqa: S608
        for name, quoted_name in quoted.items()
    }


class PostgresDatabase:
    """The PostgreSQL database of DATABASES["default"]: pg_dump / pg_restore."""

    vendor = "postgresql"

    def __init__(self, settings_dict: dict):
        params = {
            "dbname": settings_dict.get("NAME") or "",
            "user": settings_dict.get("USER") or "",
            "password": settings_dict.get("PASSWORD") or "",
            "host": settings_dict.get("HOST") or "",
            "port": str(settings_dict.get("PORT") or ""),
        }
        for key, value in (settings_dict.get("OPTIONS") or {}).items():
            if key in LIBPQ_ENV and value not in (None, ""):
                params[key] = str(value)
        self.params = {key: value for key, value in params.items() if value}

    def environment(self) -> dict[str, str]:
        """The environment for pg_dump and pg_restore: libpq's variables, no prompt."""
        env = {key: value for key, value in os.environ.items() if key not in LIBPQ_ENV.values()}
        env.update({LIBPQ_ENV[key]: value for key, value in self.params.items()})
        return env

    def _connect(self, **kwargs):
        import psycopg

        try:
            return psycopg.connect(**self.params, **kwargs)
        except psycopg.OperationalError as error:
            raise BackupError(f"Tidak bisa terhubung ke PostgreSQL: {error}".strip()) from error

    def dump(self, target: Path) -> dict[str, int]:
        """pg_dump on a snapshot that a read-only transaction exports and keeps open;
        that transaction counts the rows, so counts and dump see the same moment."""
        import psycopg

        pg_dump = _program("pg_dump")
        with self._connect() as connection:
            connection.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
            connection.read_only = True
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_export_snapshot()")
                snapshot = cursor.fetchone()[0]
                counts = postgres_counts(cursor)
            _run(
                [
                    pg_dump,
                    "--format=custom",
                    "--no-password",
                    f"--snapshot={snapshot}",
                    f"--file={target}",
                ],
                self.environment(),
                "pg_dump",
            )
            connection.rollback()
        return counts

    def tables(self) -> list[str]:
        with self._connect() as connection, connection.cursor() as cursor:
            return [_postgres_table_name(schema, table) for schema, table in _pg_tables(cursor)]

    def counts(self) -> dict[str, int]:
        with self._connect() as connection, connection.cursor() as cursor:
            return postgres_counts(cursor)

    def load(self, dump: Path) -> None:
        pg_restore = _program("pg_restore")
        _run(
            [
                pg_restore,
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                "--no-password",
                f"--dbname={self.params.get('dbname', '')}",
                str(dump),
            ],
            self.environment(),
            "pg_restore",
        )


def _pg_tables(cursor) -> list[tuple[str, str]]:
    cursor.execute(
        "SELECT schemaname, tablename FROM pg_tables "
        "WHERE schemaname NOT IN ('pg_catalog', 'information_schema') "
        "AND schemaname NOT LIKE 'pg\\_%' ORDER BY schemaname, tablename"
    )
    return list(cursor.fetchall())


def _postgres_table_name(schema: str, table: str) -> str:
    return table if schema == "public" else f"{schema}.{table}"


def postgres_counts(cursor) -> dict[str, int]:
    from psycopg import sql

    counts = {}
    for schema, table in _pg_tables(cursor):
        cursor.execute(
            sql.SQL("SELECT count(*) FROM {}.{}").format(
                sql.Identifier(schema), sql.Identifier(table)
            )
        )
        counts[_postgres_table_name(schema, table)] = cursor.fetchone()[0]
    return counts


def current_database() -> SQLiteDatabase | PostgresDatabase:
    """The database Warta is configured to use (DATABASE_URL)."""
    connection = connections["default"]
    if connection.vendor == "sqlite":
        return SQLiteDatabase(connection.settings_dict["NAME"], connection)
    if connection.vendor == "postgresql":
        return PostgresDatabase(connection.settings_dict)
    raise BackupError(
        f"Basis data {connection.vendor} tidak didukung: hanya PostgreSQL dan SQLite."
    )


def _program(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            f"Program {name} tidak ditemukan di PATH. Pasang klien PostgreSQL "
            f"(Debian: apt-get install postgresql-client), versinya sama dengan server "
            f"atau lebih baru."
        )
    return path


def _run(command: list[str], env: dict[str, str], label: str) -> None:
    result = subprocess.run(  # noqa: S603 (a fixed program, our own arguments)
        command, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip()
        raise BackupError(f"{label} gagal (kode {result.returncode}): {detail}")


# Media ----------------------------------------------------------------------------


def file_roots() -> dict[str, Path]:
    """Directories of files to keep, by their name in the archive: the media
    directory, plus any other file-system storage configured outside it."""
    from django.core.files.storage import FileSystemStorage, storages

    media = Path(settings.MEDIA_ROOT).resolve()
    roots = {MEDIA_ROOT_NAME: media}
    for alias in settings.STORAGES:
        if alias == "staticfiles":
            continue
        storage = storages[alias]
        if isinstance(storage, FileSystemStorage):
            location = Path(storage.location).resolve()
            if not location.is_relative_to(media):
                roots[f"storage-{alias}"] = location
    return roots


def _files_under(root: Path) -> Iterator[tuple[str, Path]]:
    """Regular files under ``root`` as (posix relative path, path), sorted."""
    if not root.is_dir():
        return
    for directory, subdirs, names in os.walk(root):
        subdirs.sort()
        for name in sorted(names):
            path = Path(directory, name)
            if path.is_file() and not path.is_symlink():
                yield path.relative_to(root).as_posix(), path


def _has_files(root: Path) -> bool:
    return next(_files_under(root), None) is not None


# Writing an archive -----------------------------------------------------------------


class _HashingReader:
    """Hands tarfile the bytes of a file and hashes exactly those bytes."""

    def __init__(self, file):
        self.file = file
        self.sha256 = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.file.read(size)
        self.sha256.update(data)
        return data


def _add_file(tar: tarfile.TarFile, name: str, path: Path) -> dict:
    with path.open("rb") as file:
        stat = os.fstat(file.fileno())
        info = tarfile.TarInfo(name)
        info.size, info.mtime, info.mode = stat.st_size, int(stat.st_mtime), 0o644
        reader = _HashingReader(file)
        tar.addfile(info, reader)
    return {"size": info.size, "sha256": reader.sha256.hexdigest()}


def prepare_output_dir(output: Path) -> Path:
    """Create the backup directory (mode 0700) or check that it can be written."""
    output = Path(output).absolute()
    media = Path(settings.MEDIA_ROOT).resolve()
    if output.resolve().is_relative_to(media):
        raise BackupError(
            f"Folder cadangan {output} ada di dalam folder media {media}: pilih folder lain."
        )
    if output.exists() and not output.is_dir():
        raise BackupError(f"{output} sudah ada dan bukan folder.")
    if not output.exists():
        try:
            output.mkdir(mode=0o700, parents=True)
        except PermissionError as error:
            raise BackupError(
                f"Tidak bisa membuat folder cadangan {output}: izin ditolak untuk pengguna "
                f"{_user()}. Buat dulu sebagai root, milik pengguna ini: "
                f"install -d -m 0700 -o {_user()} {output}"
            ) from error
        except OSError as error:
            raise BackupError(
                f"Tidak bisa membuat folder cadangan {output}: {error.strerror}."
            ) from error
        output.chmod(0o700)
    if not os.access(output, os.W_OK | os.X_OK):
        raise BackupError(
            f"Folder cadangan {output} tidak bisa ditulis oleh pengguna {_user()}. "
            f"Sebagai root: chown {_user()} {output}"
        )
    return output


def _user() -> str:
    import pwd

    try:
        return pwd.getpwuid(os.geteuid()).pw_name
    except KeyError:
        return str(os.geteuid())


def archive_name(moment: datetime) -> str:
    return f"{ARCHIVE_PREFIX}{timezone.localtime(moment):%Y%m%d-%H%M%S}{ARCHIVE_SUFFIX}"


def create_backup(output: Path, *, keep: int | None = None, now: datetime | None = None):
    """Write the database and the media into ``output/warta-backup-<date>.tar``.

    The archive is written under a hidden temporary name and renamed when complete,
    so a crash never leaves a file that looks like a backup. With ``keep``, only the
    newest ``keep`` archives stay afterwards.
    """
    if keep is not None and keep < 1:
        raise BackupError("--keep harus 1 atau lebih.")
    output = prepare_output_dir(output)
    moment = now or timezone.now()
    final = output / archive_name(moment)
    if final.exists() and now is None:
        # Names count seconds: a second run within the same one waits for the next.
        time.sleep(1 - moment.microsecond / 1_000_000)
        moment = timezone.now()
        final = output / archive_name(moment)
    if final.exists():
        raise BackupError(f"{final} sudah ada; tunggu sedetik lalu ulangi.")
    database = current_database()
    roots = file_roots()
    descriptor, partial_name = tempfile.mkstemp(
        dir=output, prefix=f".{final.name}.", suffix=".partial"
    )
    partial = Path(partial_name)
    try:
        with (
            os.fdopen(descriptor, "wb") as raw,
            tempfile.TemporaryDirectory(dir=output, prefix=".warta-db-") as scratch,
        ):
            dump = Path(scratch) / "database"
            tables = database.dump(dump)
            files: dict[str, dict] = {}
            with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
                member = DATABASE_MEMBERS[database.vendor]
                files[member] = _add_file(tar, member, dump)
                dump.unlink()
                media_summary = {}
                for root_name, root in roots.items():
                    count = size = 0
                    for relative, path in _files_under(root):
                        try:
                            entry = _add_file(tar, f"{root_name}/{relative}", path)
                        except FileNotFoundError:
                            continue  # deleted while we walked: not part of this backup
                        files[f"{root_name}/{relative}"] = entry
                        count, size = count + 1, size + entry["size"]
                    media_summary[root_name] = {"files": count, "bytes": size}
                manifest = {
                    "format": FORMAT,
                    "version": FORMAT_VERSION,
                    "created": timezone.localtime(moment).isoformat(),
                    "database": {"vendor": database.vendor, "member": member, "tables": tables},
                    "media": media_summary,
                    "files": files,
                }
                data = json.dumps(manifest, indent=1, sort_keys=True).encode()
                info = tarfile.TarInfo(MANIFEST_NAME)
                info.size, info.mtime, info.mode = len(data), int(moment.timestamp()), 0o644
                tar.addfile(info, io.BytesIO(data))
            raw.flush()
            os.fsync(raw.fileno())
        _publish(partial, final)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    result = BackupResult(
        path=final,
        tables=tables,
        files=sum(summary["files"] for summary in media_summary.values()),
        size=final.stat().st_size,
    )
    if keep is not None:
        result.pruned = prune_backups(output, keep)
    return result


def _publish(partial: Path, final: Path) -> None:
    """Give the finished archive its real name without ever replacing another."""
    try:
        os.link(partial, final)
    except FileExistsError as error:
        raise BackupError(f"{final} sudah ada; tunggu sedetik lalu ulangi.") from error
    except OSError:
        if final.exists():
            raise BackupError(f"{final} sudah ada; tunggu sedetik lalu ulangi.") from None
        os.replace(partial, final)  # a file system without hard links
    partial.unlink(missing_ok=True)
    directory = os.open(final.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def backup_archives(output: Path) -> list[Path]:
    """Warta's archives in ``output``, oldest first (their names sort by date)."""
    if not Path(output).is_dir():
        return []
    return sorted(path for path in Path(output).iterdir() if ARCHIVE_NAME_RE.match(path.name))


def prune_backups(output: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` archives; returns what was deleted."""
    if keep < 1:
        raise BackupError("--keep harus 1 atau lebih.")
    old = backup_archives(output)[:-keep]
    for path in old:
        path.unlink(missing_ok=True)
    return old


# Restoring ------------------------------------------------------------------------


def read_manifest(tar: tarfile.TarFile) -> dict:
    try:
        member = tar.getmember(MANIFEST_NAME)
        manifest = json.load(tar.extractfile(member))
    except (KeyError, ValueError, AttributeError) as error:
        raise BackupError(
            "Arsip ini tidak punya manifest.json yang sah: bukan cadangan Warta."
        ) from error
    if manifest.get("format") != FORMAT or manifest.get("version") != FORMAT_VERSION:
        raise BackupError(
            f"Format arsip tidak dikenal ({manifest.get('format')} versi "
            f"{manifest.get('version')}); diharapkan {FORMAT} versi {FORMAT_VERSION}."
        )
    return manifest


def _safe_member_name(name: str) -> PurePosixPath | None:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or len(path.parts) < 2:
        return None
    return path


def restore_backup(archive: Path) -> RestoreReport:
    """Put ``archive`` back into the configured database and media directory, both
    of which must be empty, then check everything against its manifest.

    Empty means: the database has no tables at all (a database just made with
    ``createdb``, or an SQLite file that does not exist yet; not one that has been
    migrated) and the media directories hold no files. Nothing is ever overwritten.
    """
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"Arsip tidak ditemukan: {archive}")
    database = current_database()
    roots = file_roots()
    try:
        tar = tarfile.open(archive, mode="r:")  # noqa: SIM115 (closed by the with below)
    except (tarfile.TarError, OSError) as error:
        raise BackupError(f"{archive} tidak bisa dibaca sebagai arsip tar: {error}") from error
    try:
        with tar:
            return _restore_from(tar, archive, database, roots)
    except (tarfile.TarError, EOFError) as error:
        raise BackupError(f"Arsip {archive} rusak atau terpotong: {error}") from error


def _restore_from(tar: tarfile.TarFile, archive: Path, database, roots: dict[str, Path]):
    """The steps of ``restore_backup`` once the archive is open."""
    # The manifest is the last member: a cut archive has none and is refused
    # here, before anything is touched.
    manifest = read_manifest(tar)
    source_vendor = manifest["database"]["vendor"]
    if source_vendor != database.vendor:
        raise BackupError(
            f"Arsip ini berisi basis data {source_vendor}, sedangkan DATABASE_URL menunjuk "
            f"{database.vendor}. Pemulihan hanya ke jenis yang sama (PostgreSQL ke "
            f"PostgreSQL, SQLite ke SQLite)."
        )
    unknown = sorted(set(manifest["media"]) - set(roots))
    if unknown:
        raise BackupError(
            f"Arsip berisi folder berkas {', '.join(unknown)} yang tidak ada di pengaturan ini."
        )
    _require_empty(database, {name: roots[name] for name in manifest["media"]})
    _restore_database(tar, manifest, database, archive.parent)
    _restore_files(tar, manifest, roots)
    connections["default"].close()
    return verify_restore(archive, manifest, database, roots)


def _require_empty(database, roots: dict[str, Path]) -> None:
    tables = database.tables()
    if tables:
        raise BackupError(
            f"Basis data tujuan tidak kosong ({len(tables)} tabel). Pemulihan hanya ke basis "
            f"data baru tanpa tabel (createdb, atau berkas SQLite yang belum ada); "
            f"jangan jalankan migrate sebelumnya. Tidak ada yang diubah."
        )
    for name, root in roots.items():
        if _has_files(root):
            raise BackupError(
                f"Folder {name} tujuan ({root}) tidak kosong. Pindahkan isinya dulu; "
                f"pemulihan tidak pernah menimpa berkas. Tidak ada yang diubah."
            )


def _restore_database(tar, manifest, database, near: Path) -> None:
    member_name = manifest["database"]["member"]
    expected = manifest["files"][member_name]["sha256"]
    try:
        member = tar.getmember(member_name)
    except KeyError as error:
        raise BackupError(f"Arsip tidak berisi {member_name}.") from error
    scratch_parent = near if os.access(near, os.W_OK) else None
    with tempfile.TemporaryDirectory(dir=scratch_parent, prefix=".warta-restore-") as scratch:
        dump = Path(scratch) / "database"
        digest = hashlib.sha256()
        with tar.extractfile(member) as source, dump.open("wb") as target:
            while chunk := source.read(CHUNK):
                digest.update(chunk)
                target.write(chunk)
        if digest.hexdigest() != expected:
            raise BackupError(
                f"{member_name} di arsip rusak (sha256 tidak sesuai manifest). "
                "Tidak ada yang diubah."
            )
        connections["default"].close()
        database.load(dump)


def _restore_files(tar, manifest, roots: dict[str, Path]) -> None:
    listed = manifest["files"]
    for member in tar:
        path = _safe_member_name(member.name)
        if path is None or path.parts[0] not in manifest["media"] or member.name not in listed:
            continue
        if not member.isfile():
            continue
        target = roots[path.parts[0]].joinpath(*path.parts[1:])
        target.parent.mkdir(parents=True, exist_ok=True)
        with tar.extractfile(member) as source, target.open("xb") as out:
            shutil.copyfileobj(source, out, CHUNK)
        os.utime(target, (member.mtime, member.mtime))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def verify_restore(archive: Path, manifest: dict, database, roots: dict[str, Path]):
    """Compare the restored database and files with the manifest, item by item."""
    report = RestoreReport(archive=archive)
    expected_tables = manifest["database"]["tables"]
    actual_tables = database.counts()
    for table in sorted(set(expected_tables) | set(actual_tables)):
        expected, actual = expected_tables.get(table), actual_tables.get(table)
        if expected is None:
            report.mismatches.append(f"tabel {table}: tidak ada di manifest ({actual} baris)")
        elif actual is None:
            report.mismatches.append(f"tabel {table}: tidak ada ({expected} baris diharapkan)")
        elif actual != expected:
            report.mismatches.append(f"tabel {table}: {actual} baris, diharapkan {expected}")
    report.tables = len(actual_tables)
    report.rows = sum(actual_tables.values())
    listed = {
        name: entry
        for name, entry in manifest["files"].items()
        if PurePosixPath(name).parts[0] in manifest["media"]
    }
    found = set()
    for root_name in manifest["media"]:
        for relative, path in _files_under(roots[root_name]):
            name = f"{root_name}/{relative}"
            found.add(name)
            entry = listed.get(name)
            if entry is None:
                report.mismatches.append(f"berkas {name}: tidak ada di manifest")
            elif _sha256(path) != entry["sha256"]:
                report.mismatches.append(f"berkas {name}: isinya berbeda (sha256)")
            else:
                report.files += 1
    for name in sorted(set(listed) - found):
        report.mismatches.append(f"berkas {name}: tidak ada setelah pemulihan")
    return report
