"""What ``warta check-deploy`` verifies, one function per concern, each in plain words.

Every function returns a :class:`Finding`: ``ok``, or a problem that stops a deploy,
or a warning worth reading that does not. They take what they check as arguments
(a connection, a URL, a storage) so tests can hand them broken ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core import checks as django_checks
from django.core.checks.security.base import SECRET_KEY_INSECURE_PREFIX
from django.db.migrations.executor import MigrationExecutor

OK, PROBLEM, WARNING = "ok", "problem", "warning"

SECRET_MIN_LENGTH = 50
SECRET_MIN_UNIQUE = 10
# Keys that are public (in this repository, Django's templates or common examples).
KNOWN_SECRET_MARKERS = (
    SECRET_KEY_INSECURE_PREFIX,
    "warta-local-development-only",
    "tests-only",
    "bench-only",
    "changeme",
    "change-me",
    "secret-key",
)


@dataclass(frozen=True)
class Finding:
    topic: str
    status: str
    message: str

    @property
    def failed(self) -> bool:
        return self.status == PROBLEM


def secret_key(value: str | None) -> Finding:
    if not value:
        return Finding(
            "SECRET_KEY",
            PROBLEM,
            "SECRET_KEY kosong: buat dengan "
            '`python3 -c "import secrets; print(secrets.token_urlsafe(50))"`.',
        )
    lowered = value.lower()
    for marker in KNOWN_SECRET_MARKERS:
        if marker in lowered:
            return Finding(
                "SECRET_KEY",
                PROBLEM,
                f"SECRET_KEY memuat {marker!r}: kunci itu dikenal umum (contoh, uji atau "
                "pengembangan). Buat kunci acak baru khusus untuk server ini.",
            )
    if len(value) < SECRET_MIN_LENGTH or len(set(value)) < SECRET_MIN_UNIQUE:
        return Finding(
            "SECRET_KEY",
            PROBLEM,
            f"SECRET_KEY terlalu lemah ({len(value)} karakter, {len(set(value))} berbeda): "
            f"perlu sedikitnya {SECRET_MIN_LENGTH} karakter acak.",
        )
    return Finding("SECRET_KEY", OK, "SECRET_KEY panjang dan acak.")


def debug(value: bool) -> Finding:
    if value:
        return Finding(
            "DEBUG",
            PROBLEM,
            "DEBUG menyala: pembaca akan melihat halaman galat berisi kode dan pengaturan. "
            "Hapus DEBUG atau set DEBUG=false.",
        )
    return Finding("DEBUG", OK, "DEBUG mati.")


def allowed_hosts(hosts: list[str]) -> Finding:
    if not hosts:
        return Finding(
            "ALLOWED_HOSTS", PROBLEM, "ALLOWED_HOSTS kosong: isi nama host situs, pisahkan koma."
        )
    if "*" in hosts:
        return Finding(
            "ALLOWED_HOSTS",
            PROBLEM,
            "ALLOWED_HOSTS memuat '*': situs akan menjawab nama host apa pun (tautan di "
            "surel setel ulang sandi bisa dipalsukan). Sebutkan nama host yang sebenarnya.",
        )
    return Finding("ALLOWED_HOSTS", OK, f"ALLOWED_HOSTS: {', '.join(hosts)}.")


def database(connection) -> Finding:
    """Open a connection and run one query; name the server, never the password."""
    where = _describe_database(connection.settings_dict)
    try:
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
        return Finding(
            "database",
            PROBLEM,
            f"Basis data {where} tidak bisa dihubungi: {first_line or type(error).__name__}. "
            "Periksa DATABASE_URL dan apakah servernya berjalan.",
        )
    if connection.vendor == "sqlite":
        return Finding(
            "database",
            WARNING,
            f"Basis data {where} terhubung, tetapi SQLite hanya cocok untuk satu mesin; "
            "untuk beberapa node gunakan PostgreSQL (DATABASE_URL=postgres://...).",
        )
    return Finding("database", OK, f"Basis data {where} terhubung.")


def _describe_database(params: dict) -> str:
    if params["ENGINE"].endswith("sqlite3"):
        return f"SQLite {params['NAME']}"
    host = params.get("HOST") or "localhost"
    port = f":{params['PORT']}" if params.get("PORT") else ""
    return f"{params.get('NAME')} di {host}{port}"


def migrations(connection) -> Finding:
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except Exception as error:
        return Finding(
            "migrations",
            PROBLEM,
            f"Status migrasi tidak bisa dibaca: {str(error).strip().splitlines()[0]}.",
        )
    if plan:
        names = [f"{migration.app_label}.{migration.name}" for migration, _ in plan]
        shown = ", ".join(names[:5]) + (f", dan {len(names) - 5} lainnya" if len(names) > 5 else "")
        return Finding(
            "migrations",
            PROBLEM,
            f"{len(names)} migrasi belum dijalankan ({shown}). Jalankan `warta migrate`.",
        )
    return Finding("migrations", OK, "Semua migrasi sudah dijalankan.")


def redis(url: str | None) -> Finding:
    if not url:
        return Finding(
            "Redis",
            WARNING,
            "REDIS_URL tidak diatur: cache halaman dan hitungan baca disimpan di disk "
            "mesin ini (WARTA_DATA_DIR/cache), jadi beberapa node tidak berbagi cache.",
        )
    import redis as redis_client

    try:
        client = redis_client.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2)
        client.ping()
    except Exception as error:
        return Finding(
            "Redis",
            PROBLEM,
            f"Redis di {_redis_where(url)} tidak bisa dihubungi: {error}. Periksa REDIS_URL "
            "dan apakah redis-server berjalan.",
        )
    return redis_memory(client, _redis_where(url))


# Only keys with an expiry (cached pages) may be evicted: tag versions, removal
# marks, the clock and pending read counts have none (docs/operations.md).
SAFE_EVICTION_POLICY = "volatile-lru"


def redis_memory(client, where: str) -> Finding:
    """Redis's ``maxmemory-policy`` must evict only cached pages (keys with a TTL)."""
    try:
        policy = str(client.config_get("maxmemory-policy").get("maxmemory-policy", ""))
        maxmemory = int(client.config_get("maxmemory").get("maxmemory", 0) or 0)
    except Exception as error:
        return Finding(
            "Redis",
            WARNING,
            f"Redis di {where} terhubung, tetapi CONFIG GET ditolak ({error}): pastikan "
            f"sendiri `maxmemory-policy {SAFE_EVICTION_POLICY}` dan `maxmemory` diatur "
            "(lihat docs/operations.md, bagian Memori Redis).",
        )
    if policy == "noeviction":
        return Finding(
            "Redis",
            PROBLEM,
            f"Redis di {where} memakai maxmemory-policy noeviction: begitu memori penuh, "
            "purge dan penyimpanan halaman ditolak dan situs membeku pada halaman lama. "
            f"Set `maxmemory-policy {SAFE_EVICTION_POLICY}`.",
        )
    if policy.startswith("allkeys-"):
        return Finding(
            "Redis",
            PROBLEM,
            f"Redis di {where} memakai maxmemory-policy {policy}: Redis boleh membuang "
            "versi tag, tanda pencabutan dan hitungan baca yang belum disimpan. "
            f"Set `maxmemory-policy {SAFE_EVICTION_POLICY}` (hanya halaman ber-TTL yang dibuang).",
        )
    if not maxmemory:
        return Finding(
            "Redis",
            WARNING,
            f"Redis di {where} terhubung ({policy}), tetapi maxmemory tidak dibatasi: "
            "Redis tumbuh sampai mesin kehabisan memori. Set `maxmemory <N>mb`.",
        )
    return Finding(
        "Redis", OK, f"Redis di {where} terhubung ({policy}, maxmemory {maxmemory} byte)."
    )


def _redis_where(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return f"{parts.hostname or 'localhost'}:{parts.port or 6379}{parts.path or ''}"


def static_files(storage, static_root) -> Finding:
    manifest_name = getattr(storage, "manifest_name", None)
    if manifest_name is None:
        return Finding(
            "static",
            PROBLEM,
            "Berkas statis tidak disajikan dengan manifes (nama berkas berisi hash): "
            "STORAGES['staticfiles'] bukan penyimpanan bermanifes (biasanya karena DEBUG menyala).",
        )
    if not storage.exists(manifest_name):
        return Finding(
            "static",
            PROBLEM,
            f"Berkas statis belum dikumpulkan: {static_root}/{manifest_name} tidak ada. "
            "Jalankan `warta collectstatic --no-input`.",
        )
    return Finding("static", OK, f"Berkas statis terkumpul di {static_root}.")


def django_deploy_checks() -> list[Finding]:
    """Django's own ``check --deploy``: each warning or error is a problem."""
    findings = []
    for message in django_checks.run_checks(include_deployment_checks=True):
        if message.is_silenced() or message.level < django_checks.WARNING:
            continue
        text = f"{message.id}: {message.msg}"
        if message.hint:
            text += f" ({message.hint})"
        findings.append(Finding("check --deploy", PROBLEM, text))
    if not findings:
        findings.append(Finding("check --deploy", OK, "Pemeriksaan keamanan Django lolos."))
    return findings


def all_findings() -> list[Finding]:
    """Everything, in the order an operator would fix it."""
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.db import connection

    findings = [
        secret_key(settings.SECRET_KEY),
        debug(settings.DEBUG),
        allowed_hosts(list(settings.ALLOWED_HOSTS)),
        database(connection),
    ]
    if not findings[-1].failed:
        findings.append(migrations(connection))
    findings.append(redis(getattr(settings, "REDIS_URL", None)))
    findings.append(static_files(staticfiles_storage, settings.STATIC_ROOT))
    findings.extend(django_deploy_checks())
    return findings
