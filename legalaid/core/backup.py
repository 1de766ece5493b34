"""Backups that restore (issue 14 item 7): one dated archive with the database and the media files.

An archive is a gzip-compressed tar file, ``legalaid-backup-YYYYMMDDTHHMMSSZ.tar.gz`` (UTC), holding:

- ``database.dump``: PostgreSQL, ``pg_dump --format=custom`` (restored with ``pg_restore``), or
  ``database.sqlite3``: SQLite, a copy made with the online backup API (``sqlite3.Connection.backup``);
- ``media/<path>``: every file under ``MEDIA_ROOT``;
- ``manifest.json`` (last): when, the database engine and server version, the migrations applied, the rows of every
  table, and the SHA-256 and size of every other member.

On PostgreSQL the row counts and migrations are read in the very snapshot that ``pg_dump`` dumps (an exported
snapshot), so they match the dump even while people work. The database is copied before the media, so every file the
database names is in the archive (a file uploaded meanwhile may be there too, unnamed: harmless).

With a key (``BACKUP_KEY``: 32 random bytes, URL-safe base64, ``manage.py backup --generate-key``) the archive is
encrypted, ``legalaid-backup-...tar.gz.enc``: AES-256-GCM from ``cryptography`` over the whole tar.gz, streamed, with a
random 96-bit nonce per archive and the header as associated data::

    MAGIC (28 bytes) | key id (8 bytes) | nonce (12 bytes) | ciphertext | tag (16 bytes)

The key id (the first bytes of a SHA-256 of the key) lets a restore say "another key" rather than "damaged". A
restore decrypts into a private temporary file and uses nothing from it until the tag has been checked.

A restore verifies every checksum before it touches anything, refuses a database that has tables (or a non-empty
``MEDIA_ROOT``) unless forced, restores, then counts the rows of every table against the manifest.
"""

from __future__ import annotations

import base64
import contextlib
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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.utils import ConnectionHandler
from django.utils import timezone

FORMAT_VERSION = 1
MAGIC = b"LEGALAID-BACKUP-AES256GCM-1\n"
KEY_ID_BYTES = 8
NONCE_BYTES = 12
TAG_BYTES = 16
CHUNK = 1024 * 1024
NAME_PATTERN = re.compile(r"^legalaid-backup-(\d{8}T\d{6}Z)\.tar\.gz(\.enc)?$")
STAMP_FORMAT = "%Y%m%dT%H%M%SZ"
MANIFEST = "manifest.json"
DATABASE_MEMBERS = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


# --- Keys -------------------------------------------------------------------------------------------------------


def generate_key() -> str:
    """A new key for BACKUP_KEY: 32 random bytes, URL-safe base64 (44 characters)."""
    return base64.urlsafe_b64encode(os.urandom(32)).decode("ascii")


def _parse_key(text: str) -> bytes:
    try:
        key = base64.urlsafe_b64decode(text.strip().encode("ascii"))
    except (ValueError, UnicodeEncodeError) as error:
        raise BackupError(
            "BACKUP_KEY is not URL-safe base64 (make one with `manage.py backup --generate-key`)."
        ) from error
    if len(key) != 32:
        raise BackupError(
            f"BACKUP_KEY must decode to 32 bytes, not {len(key)} (make one with `manage.py backup --generate-key`)."
        )
    return key


def _key_id(key: bytes) -> bytes:
    return hashlib.sha256(b"legalaid-backup-key-id\x00" + key).digest()[:KEY_ID_BYTES]


class _EncryptingWriter(io.RawIOBase):
    """A write-only file that encrypts what it is given into ``target`` (AES-256-GCM, header as associated data)."""

    def __init__(self, target, key: bytes):
        super().__init__()
        nonce = os.urandom(NONCE_BYTES)
        header = MAGIC + _key_id(key) + nonce
        self._encryptor = Cipher(algorithms.AES(key), modes.GCM(nonce)).encryptor()
        self._encryptor.authenticate_additional_data(header)
        self._target = target
        self._target.write(header)

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self._target.write(self._encryptor.update(bytes(data)))
        return len(data)

    def finish(self) -> None:
        self._target.write(self._encryptor.finalize())
        self._target.write(self._encryptor.tag)


def _decrypt(archive: Path, key_text: str, into: Path) -> None:
    """Decrypt ``archive`` into ``into``; raise BackupError (and leave nothing usable) on a wrong key or a change."""
    size = archive.stat().st_size
    header_size = len(MAGIC) + KEY_ID_BYTES + NONCE_BYTES
    if size < header_size + TAG_BYTES:
        raise BackupError(f"{archive.name} is truncated.")
    key = _parse_key(key_text)
    with archive.open("rb") as source:
        header = source.read(header_size)
        key_id, nonce = header[len(MAGIC) : len(MAGIC) + KEY_ID_BYTES], header[-NONCE_BYTES:]
        if key_id != _key_id(key):
            raise BackupError(
                f"{archive.name} was encrypted with another key (key id {key_id.hex()}; "
                f"BACKUP_KEY's is {_key_id(key).hex()})."
            )
        source.seek(size - TAG_BYTES)
        tag = source.read(TAG_BYTES)
        source.seek(header_size)
        decryptor = Cipher(algorithms.AES(key), modes.GCM(nonce, tag)).decryptor()
        decryptor.authenticate_additional_data(header)
        remaining = size - header_size - TAG_BYTES
        with _private_file(into) as target:
            while remaining:
                chunk = source.read(min(CHUNK, remaining))
                if not chunk:
                    raise BackupError(f"{archive.name} is truncated.")
                remaining -= len(chunk)
                target.write(decryptor.update(chunk))
            try:
                target.write(decryptor.finalize())
            except InvalidTag as error:
                raise BackupError(
                    f"{archive.name} is damaged or was altered: its authentication tag does not match."
                ) from error


@contextlib.contextmanager
def _private_file(path: Path) -> Iterator[Any]:
    """A new file readable by its owner only (a backup holds every person's data)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        yield handle


# --- Reading a database's facts -----------------------------------------------------------------------------------


def _engine(settings_dict: dict) -> str:
    engine = settings_dict["ENGINE"]
    if "postgresql" in engine:
        return "postgresql"
    if "sqlite3" in engine:
        return "sqlite"
    raise BackupError(f"Backups support PostgreSQL and SQLite, not {engine}.")


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _table_names(cursor, engine: str) -> list[str]:
    if engine == "sqlite":
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    else:
        cursor.execute(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relkind IN ('r', 'p') AND n.nspname = current_schema() ORDER BY c.relname"
        )
    return [row[0] for row in cursor.fetchall()]


def _facts(cursor, engine: str) -> tuple[dict[str, int], list[list[str]]]:
    """Rows per table, and the migrations applied (``[app, name]`` in the order they ran)."""
    tables = {}
    for table in _table_names(cursor, engine):
        cursor.execute(f"SELECT COUNT(*) FROM {_quote(table)}")  # names from the catalogue, quoted
        tables[table] = cursor.fetchone()[0]
    migrations = []
    if "django_migrations" in tables:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY id")
        migrations = [[app, name] for app, name in cursor.fetchall()]
    return tables, migrations


@contextlib.contextmanager
def _connection(settings_dict: dict | None):
    """A Django connection to ``settings_dict`` (its own, closed afterwards), or to the default database."""
    if settings_dict is None:
        settings_dict = connections[DEFAULT_DB_ALIAS].settings_dict
    handler = ConnectionHandler({DEFAULT_DB_ALIAS: dict(settings_dict)})
    connection = handler[DEFAULT_DB_ALIAS]
    try:
        yield connection
    finally:
        connection.close()


# --- PostgreSQL tools ---------------------------------------------------------------------------------------------


def _pg_environment(settings_dict: dict) -> dict[str, str]:
    """libpq's variables for ``settings_dict`` (the password never on a command line)."""
    environment = dict(os.environ)
    for key, variable in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if settings_dict.get(key):
            environment[variable] = str(settings_dict[key])
    options = settings_dict.get("OPTIONS") or {}
    for key in ("sslmode", "sslrootcert", "sslcert", "sslkey"):
        if options.get(key):
            environment[f"PG{key.upper()}"] = str(options[key])
    return environment


def _pg_tool(name: str, server_version: int) -> str:
    """The path of pg_dump / pg_restore, refusing one older than the server (it could not read its catalogue)."""
    path = shutil.which(name)
    if not path:
        raise BackupError(f"{name} is not installed: `apt-get install postgresql-client`.")
    output = subprocess.run([path, "--version"], capture_output=True, text=True, check=True).stdout
    match = re.search(r"\)\s+(\d+)(?:\.(\d+))?", output)
    client_major = int(match.group(1)) if match else 0
    server_major = server_version // 10000
    if client_major < server_major:
        raise BackupError(
            f"{name} {client_major} is older than the PostgreSQL {server_major} server: "
            f"install postgresql-client-{server_major}."
        )
    return path


def _run(command: list[str], environment: dict[str, str], what: str) -> None:
    result = subprocess.run(command, env=environment, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{what} failed: {result.stderr.strip() or result.stdout.strip()}")


# --- Backup -------------------------------------------------------------------------------------------------------


@dataclass
class _HashingReader:
    """Reads a file for tarfile while computing its SHA-256."""

    handle: Any
    digest: Any = field(default_factory=hashlib.sha256)

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.digest.update(data)
        return data


def _add_file(archive: tarfile.TarFile, path: Path, name: str, files: dict[str, dict]) -> None:
    info = tarfile.TarInfo(name)
    stat = path.stat()
    info.size, info.mtime, info.mode = stat.st_size, int(stat.st_mtime), 0o600
    with path.open("rb") as handle:
        reader = _HashingReader(handle)
        archive.addfile(info, reader)
    files[name] = {"sha256": reader.digest.hexdigest(), "size": stat.st_size}


def _media_files(media_root: Path) -> Iterator[tuple[Path, str]]:
    if not media_root.is_dir():
        return
    for directory, subdirectories, names in os.walk(media_root):
        subdirectories.sort()
        for name in sorted(names):
            path = Path(directory) / name
            if path.is_file() and not path.is_symlink():
                yield path, "media/" + path.relative_to(media_root).as_posix()


def _dump_database(using: str, workdir: Path) -> tuple[Path, dict]:
    """Copy the database into ``workdir``; return the file and the manifest's facts about it."""
    settings_dict = connections[using].settings_dict
    engine = _engine(settings_dict)
    target = workdir / DATABASE_MEMBERS[engine]
    with _connection(settings_dict) as connection:
        connection.ensure_connection()
        if engine == "sqlite":
            destination = sqlite3.connect(target)
            try:
                connection.connection.backup(destination)
                tables, migrations = _facts(destination.cursor(), engine)
            finally:
                destination.close()
            server_version = sqlite3.sqlite_version
        else:
            pg_dump = _pg_tool("pg_dump", connection.pg_version)
            connection.set_autocommit(False)
            with connection.cursor() as cursor:
                # One snapshot for the counts and the dump: they agree even while people keep working.
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                cursor.execute("SELECT pg_export_snapshot()")
                snapshot = cursor.fetchone()[0]
                tables, migrations = _facts(cursor, engine)
                _run(
                    [pg_dump, "--format=custom", f"--snapshot={snapshot}", f"--file={target}", settings_dict["NAME"]],
                    _pg_environment(settings_dict),
                    "pg_dump",
                )
            connection.rollback()
            version = connection.pg_version
            server_version = f"{version // 10000}.{version % 10000}"
    return target, {"engine": engine, "server_version": server_version, "tables": tables, "migrations": migrations}


def backup_name(when: datetime, *, encrypted: bool) -> str:
    return f"legalaid-backup-{when.astimezone(UTC).strftime(STAMP_FORMAT)}.tar.gz" + (".enc" if encrypted else "")


def create_backup(
    directory: Path,
    *,
    key: str | None = None,
    using: str = DEFAULT_DB_ALIAS,
    media_root: Path | None = None,
    now: datetime | None = None,
) -> Path:
    """Write one archive of the database and the media files into ``directory``; return its path.

    The archive appears under its final name only once complete (written as ``.partial``, then renamed).
    """
    media_root = Path(media_root or settings.MEDIA_ROOT)
    now = now or timezone.now()
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    key_bytes = _parse_key(key) if key else None
    final = directory / backup_name(now, encrypted=key_bytes is not None)
    if final.exists():
        raise BackupError(f"{final} already exists.")
    partial = final.with_name(final.name + ".partial")
    with tempfile.TemporaryDirectory(prefix="legalaid-backup-") as workdir:
        database_file, facts = _dump_database(using, Path(workdir))
        files: dict[str, dict] = {}
        media_count = media_bytes = 0
        try:
            with _private_file(partial) as handle:
                writer = _EncryptingWriter(handle, key_bytes) if key_bytes else handle
                with tarfile.open(fileobj=writer, mode="w:gz", compresslevel=6, format=tarfile.PAX_FORMAT) as tar:
                    _add_file(tar, database_file, database_file.name, files)
                    for path, name in _media_files(media_root):
                        _add_file(tar, path, name, files)
                        media_count, media_bytes = media_count + 1, media_bytes + files[name]["size"]
                    manifest = {
                        "format": FORMAT_VERSION,
                        "created_at": now.astimezone(UTC).isoformat(),
                        **facts,
                        "media": {"files": media_count, "bytes": media_bytes},
                        "files": files,
                    }
                    data = json.dumps(manifest, indent=1, sort_keys=True).encode()
                    info = tarfile.TarInfo(MANIFEST)
                    info.size, info.mtime, info.mode = len(data), int(now.timestamp()), 0o600
                    tar.addfile(info, io.BytesIO(data))
                if key_bytes:
                    writer.finish()
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(partial, final)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    return final


# --- Restore ------------------------------------------------------------------------------------------------------


@dataclass
class Restored:
    """What a restore did (or, verifying only, found)."""

    manifest: dict
    engine: str
    tables: int = 0
    rows: int = 0
    media_files: int = 0
    unknown_migrations: list[str] = field(default_factory=list)
    pending_migrations: list[str] = field(default_factory=list)


def _safe_member_name(name: str) -> str:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise BackupError(f"The archive holds an unsafe name: {name!r}.")
    if name != MANIFEST and name not in DATABASE_MEMBERS.values() and (path.parts[0] != "media" or len(path.parts) < 2):
        raise BackupError(f"The archive holds an unexpected member: {name!r}.")
    return path.as_posix()


def _unpack(archive: Path, key: str | None, staging: Path) -> dict:
    """Decrypt if needed, extract into ``staging`` and check every member against the manifest; return it."""
    with archive.open("rb") as handle:
        start = handle.read(len(MAGIC))
    if start == MAGIC:
        if not key:
            raise BackupError(f"{archive.name} is encrypted: set BACKUP_KEY (or BACKUP_KEY_FILE) to its key.")
        plain = staging / "archive.tar.gz"
        _decrypt(archive, key, plain)
    elif start[:2] == b"\x1f\x8b":
        plain = archive
    else:
        raise BackupError(f"{archive.name} is not a backup archive.")
    found: dict[str, dict] = {}
    manifest_data = None
    content = staging / "content"
    try:
        with tarfile.open(plain, mode="r|gz") as tar:
            for member in tar:
                name = _safe_member_name(member.name)
                if not member.isfile():
                    raise BackupError(f"The archive holds something other than a file: {name!r}.")
                source = tar.extractfile(member)
                if name == MANIFEST:
                    manifest_data = source.read()
                    continue
                if name in found:
                    raise BackupError(f"The archive holds {name!r} twice.")
                target = content / name
                target.parent.mkdir(parents=True, exist_ok=True)
                digest = hashlib.sha256()
                with _private_file(target) as output:
                    while chunk := source.read(CHUNK):
                        digest.update(chunk)
                        output.write(chunk)
                found[name] = {"sha256": digest.hexdigest(), "size": target.stat().st_size}
    except (tarfile.TarError, EOFError, OSError) as error:
        raise BackupError(f"{archive.name} cannot be read: {error}.") from error
    finally:
        if plain != archive:
            plain.unlink(missing_ok=True)
    if manifest_data is None:
        raise BackupError(f"{archive.name} has no manifest: it is incomplete.")
    manifest = json.loads(manifest_data)
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"{archive.name} is in format {manifest.get('format')}, this release reads {FORMAT_VERSION}.")
    expected = manifest["files"]
    for name in sorted(set(expected) | set(found)):
        if name not in found:
            raise BackupError(f"{name} is in the manifest but missing from the archive.")
        if name not in expected:
            raise BackupError(f"{name} is in the archive but not in the manifest.")
        if found[name] != expected[name]:
            raise BackupError(f"{name} does not match its checksum in the manifest: the archive is damaged.")
    return manifest


def _has_files(directory: Path) -> bool:
    return directory.is_dir() and any(path.is_file() for path in directory.rglob("*"))


def _migration_differences(applied: Iterable[list[str]]) -> tuple[list[str], list[str]]:
    from django.db.migrations.loader import MigrationLoader

    on_disk = {f"{app}.{name}" for app, name in MigrationLoader(None, ignore_no_migrations=True).disk_migrations}
    in_backup = {f"{app}.{name}" for app, name in applied}
    return sorted(in_backup - on_disk), sorted(on_disk - in_backup)


def _clear_database(connection, engine: str) -> None:
    """Drop everything in the target (``--force``)."""
    if engine == "sqlite":
        return  # the online backup API replaces the whole file's content
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_schema()")
        schema = _quote(cursor.fetchone()[0])
        cursor.execute(f"DROP SCHEMA {schema} CASCADE")
        cursor.execute(f"CREATE SCHEMA {schema}")


def _restore_database(connection, engine: str, database_file: Path) -> None:
    settings_dict = connection.settings_dict
    if engine == "sqlite":
        source = sqlite3.connect(database_file)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
        return
    pg_restore = _pg_tool("pg_restore", connection.pg_version)
    _run(
        [
            pg_restore,
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={settings_dict['NAME']}",
            str(database_file),
        ],
        _pg_environment(settings_dict),
        "pg_restore",
    )


def restore_backup(
    archive: Path,
    *,
    key: str | None = None,
    force: bool = False,
    verify_only: bool = False,
    database: dict | None = None,
    media_root: Path | None = None,
) -> Restored:
    """Restore ``archive`` into ``database`` (a DATABASES entry; default: the configured one) and ``media_root``.

    Checks everything first (decryption, checksums, engine, an empty target unless ``force``); then restores the
    database, compares the rows of every table with the manifest, and moves the media files into place.
    """
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"{archive} does not exist.")
    media_root = Path(media_root or settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="legalaid-restore-") as workdir:
        staging = Path(workdir)
        manifest = _unpack(archive, key, staging)
        engine = manifest["engine"]
        result = Restored(manifest=manifest, engine=engine)
        result.unknown_migrations, result.pending_migrations = _migration_differences(manifest["migrations"])
        if verify_only:
            return result
        with _connection(database) as connection:
            target_engine = _engine(connection.settings_dict)
            if target_engine != engine:
                raise BackupError(f"This backup is of a {engine} database; the target is {target_engine}.")
            connection.ensure_connection()
            with connection.cursor() as cursor:
                existing = _table_names(cursor, engine)
            if not force:
                if existing:
                    raise BackupError(
                        f"The target database is not empty ({len(existing)} tables): restore into a new, empty "
                        "database, or pass --force to replace its content."
                    )
                if _has_files(media_root):
                    raise BackupError(
                        f"{media_root} already holds files: restore into an empty MEDIA_ROOT, or pass --force "
                        "(files of the same name are replaced, others are left)."
                    )
            if database is None:
                connections.close_all()  # this process's own connections to the database being replaced
            if existing:
                _clear_database(connection, engine)
            _restore_database(connection, engine, staging / "content" / DATABASE_MEMBERS[engine])
            with connection.cursor() as cursor:
                tables, _ = _facts(cursor, engine)
            for table, count in manifest["tables"].items():
                if tables.get(table) != count:
                    raise BackupError(
                        f"After the restore {table} has {tables.get(table)} rows, the backup had {count}."
                    )
            result.tables, result.rows = len(tables), sum(manifest["tables"].values())
        media_staging = staging / "content" / "media"
        for path, name in _media_files(media_staging):
            target = media_root / PurePosixPath(name).relative_to("media")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(path, target)
            result.media_files += 1
        return result


# --- Retention ----------------------------------------------------------------------------------------------------


def backups_in(directory: Path) -> dict[Path, datetime]:
    """The complete archives in ``directory`` with their times (from their names)."""
    found = {}
    for path in Path(directory).iterdir():
        match = NAME_PATTERN.match(path.name)
        if match and path.is_file():
            found[path] = datetime.strptime(match.group(1), STAMP_FORMAT).replace(tzinfo=UTC)
    return found


def backups_to_keep(stamps: Iterable[datetime], *, daily: int, weekly: int, monthly: int) -> set[datetime]:
    """The newest backup of each of the last ``daily`` days, ``weekly`` ISO weeks and ``monthly`` months that have
    one (local time), and always the newest of all."""
    newest_first = sorted(set(stamps), reverse=True)
    keep = set(newest_first[:1])
    periods = (
        (daily, lambda local: local.date()),
        (weekly, lambda local: local.isocalendar()[:2]),
        (monthly, lambda local: (local.year, local.month)),
    )
    for count, period_of in periods:
        seen: set = set()
        for stamp in newest_first:
            period = period_of(timezone.localtime(stamp))
            if period in seen:
                continue
            if len(seen) >= count:
                break
            seen.add(period)
            keep.add(stamp)
    return keep


def prune_backups(directory: Path, *, daily: int, weekly: int, monthly: int, dry_run: bool = False) -> list[Path]:
    """Delete the archives in ``directory`` that the retention does not keep; return them."""
    found = backups_in(directory)
    keep = backups_to_keep(found.values(), daily=daily, weekly=weekly, monthly=monthly)
    removed = sorted(path for path, stamp in found.items() if stamp not in keep)
    if not dry_run:
        for path in removed:
            path.unlink()
    return removed
