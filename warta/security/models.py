"""What sign-in throttling keeps: a counter per account and per address, and a log.

Neither table holds a password, a code or a full client address. The log keeps the
username as typed (so a Redaktur sees which accounts are being tried) and the
client's network, truncated (IPv4 to /24, IPv6 to /48); the address counters are
keyed by an HMAC of the exact address (IPv4) or /64 (IPv6), never the address itself.
"""

from __future__ import annotations

from django.db import models


class SignInCounter(models.Model):
    """Failed sign-ins of one account or one address within the current window.

    Kept in the database so that every gunicorn worker and every node sees the same
    count. A row goes away on a successful sign-in (account), when a Redaktur lifts
    the lock ("Buka kunci"), or is reset once its window or lock has run out.
    """

    ACCOUNT = "account"
    ADDRESS = "address"
    SCOPES = [(ACCOUNT, "akun"), (ADDRESS, "alamat")]

    scope = models.CharField("jenis", max_length=10, choices=SCOPES)
    key = models.CharField(max_length=160)
    label = models.CharField("akun atau jaringan", max_length=160)
    failures = models.PositiveIntegerField("gagal", default=0)
    window_started_at = models.DateTimeField("gagal pertama")
    last_failure_at = models.DateTimeField("gagal terakhir", null=True, blank=True)
    locked_until = models.DateTimeField("terkunci sampai", null=True, blank=True)

    class Meta:
        verbose_name = "kunci masuk"
        verbose_name_plural = "kunci masuk"
        constraints = [
            models.UniqueConstraint(fields=["scope", "key"], name="security_counter_unique_key")
        ]
        ordering = ["-last_failure_at"]

    def __str__(self):
        return f"{self.get_scope_display()} {self.label}"


class LoginAttempt(models.Model):
    """One sign-in attempt on the admin, as a Redaktur sees it in "Percobaan masuk"."""

    SUCCESS = "success"
    FAILED = "failed"
    WRONG_CODE = "wrong_code"
    REFUSED = "refused"
    OUTCOMES = [
        (SUCCESS, "berhasil"),
        (FAILED, "gagal"),
        (WRONG_CODE, "kode salah"),
        (REFUSED, "ditolak (terlalu banyak)"),
    ]

    at = models.DateTimeField("waktu", db_index=True)
    username = models.CharField("nama pengguna diketik", max_length=150)
    network = models.CharField("jaringan", max_length=64)
    outcome = models.CharField("hasil", max_length=12, choices=OUTCOMES)

    class Meta:
        verbose_name = "percobaan masuk"
        verbose_name_plural = "percobaan masuk"
        ordering = ["-at"]
        indexes = [models.Index(fields=["username", "at"], name="security_attempt_user_at")]

    def __str__(self):
        return f"{self.username} {self.get_outcome_display()}"
