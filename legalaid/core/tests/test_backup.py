"""Backups that restore (issue 14 item 7): back up, restore into an EMPTY second database and MEDIA_ROOT, and find
every row of every table and every file; encryption; refusals; retention.

Runs on the configured engine: SQLite by default, PostgreSQL when DATABASE_URL points at one (pg_dump / pg_restore).
The backup tools read committed data only (pg_dump is another process): the round trip with rows of its own is a
transactional test; the others back up what the migrations loaded.
"""

from __future__ import annotations

import io
import json
import tarfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from legalaid.core import backup
from legalaid.core.backup import BackupError
from legalaid.people.tests.factories import PersonFactory

FILES = {
    "plans/evidence/2026/12/bien-ban.pdf": b"%PDF-1.7\n" + bytes(range(256)) * 40,
    "studies/1/phiên bản 2.docx": b"PK\x03\x04" + b"\x00" * 5000,
    "top.txt": "Tệp ở gốc".encode(),
}


@pytest.fixture
def media(settings, tmp_path) -> Path:
    root = tmp_path / "media"
    for name, content in FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(content)
    settings.MEDIA_ROOT = root
    return root


@pytest.fixture
def empty_database(tmp_path):
    """The settings of a second, empty database of the same engine (a new file, or a new PostgreSQL database)."""
    source = connection.settings_dict
    created = []

    def make(suffix: str = "restored") -> dict:
        if connection.vendor == "sqlite":
            return {**source, "NAME": str(tmp_path / f"{suffix}.sqlite3")}
        name = f"{source['NAME']}_{suffix}"
        # Its own connection: autocommit, outside the test's transaction.
        with backup._connection(None) as server, server.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            cursor.execute(f'CREATE DATABASE "{name}"')
        created.append(name)
        return {**source, "NAME": name}

    yield make
    with backup._connection(None) as server, server.cursor() as cursor:
        for name in created:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _contents(settings_dict: dict | None) -> dict[str, list[tuple]]:
    """Every row of every table, in a stable order."""
    with backup._connection(settings_dict) as database, database.cursor() as cursor:
        engine = "sqlite" if database.vendor == "sqlite" else "postgresql"
        tables = backup._table_names(cursor, engine)
        contents = {}
        for table in tables:
            cursor.execute(f'SELECT * FROM "{table}"')
            contents[table] = sorted(cursor.fetchall(), key=repr)
        return contents


def _files(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in root.rglob("*") if path.is_file()}


@pytest.fixture
def records(world):
    """The world (two Centres, every role) and some persons: rows in most of the core tables."""
    persons = PersonFactory.create_batch(5)
    return world, persons


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_into_an_empty_database_with_every_record_and_file(records, media, empty_database, tmp_path):
    before = _contents(None)
    archive = backup.create_backup(tmp_path / "backups")

    assert backup.backups_in(tmp_path / "backups") == {archive: backup.backups_in(archive.parent)[archive]}
    assert archive.name.startswith("legalaid-backup-") and archive.name.endswith(".tar.gz")
    assert archive.stat().st_mode & 0o777 == 0o600
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
    database_member = "database.sqlite3" if connection.vendor == "sqlite" else "database.dump"
    assert names[0] == database_member and names[-1] == "manifest.json"
    assert sorted(names[1:-1]) == sorted(f"media/{name}" for name in FILES)
    assert manifest["engine"] == ("sqlite" if connection.vendor == "sqlite" else "postgresql")
    assert ["core", "0001_initial"] in manifest["migrations"]
    assert manifest["tables"] == {table: len(rows) for table, rows in before.items()}
    assert manifest["media"] == {"files": 3, "bytes": sum(len(content) for content in FILES.values())}

    target = empty_database()
    with pytest.raises(BackupError, match="already holds files"):
        backup.restore_backup(archive, database=target, media_root=media)
    restored_media = tmp_path / "restored-media"
    result = backup.restore_backup(archive, database=target, media_root=restored_media)

    after = _contents(target)
    assert after.keys() == before.keys()
    for table in before:
        assert after[table] == before[table], table
    assert sum(len(rows) for rows in after.values()) == result.rows > 100
    assert after["people_person"] and after["core_user"] and after["core_organisation"]
    assert _files(restored_media) == FILES
    assert result.media_files == 3
    assert result.unknown_migrations == result.pending_migrations == []

    # Not again into the same database.
    with pytest.raises(BackupError, match=r"The target database is not empty \(\d+ tables\)"):
        backup.restore_backup(archive, database=target, media_root=tmp_path / "elsewhere")

    # Forced over a database and media that have moved on: they hold the backup's content again.
    with backup._connection(target) as database, database.cursor() as cursor:
        cursor.execute("DELETE FROM people_person")
        cursor.execute("CREATE TABLE stray (id integer)")
    (restored_media / "top.txt").write_bytes(b"changed")
    backup.restore_backup(archive, database=target, media_root=restored_media, force=True)

    assert _contents(target) == before
    assert _files(restored_media) == FILES


# The other tests need no rows of their own: the backup holds what the migrations loaded (committed).
@pytest.mark.django_db
def test_an_encrypted_backup_restores_with_its_key_and_fails_clearly_without_it(media, empty_database, tmp_path):
    key = backup.generate_key()
    before = _contents(None)
    archive = backup.create_backup(tmp_path, key=key)

    assert archive.name.endswith(".tar.gz.enc")
    data = archive.read_bytes()
    assert data.startswith(backup.MAGIC)
    assert b"manifest.json" not in data and b"\x1f\x8b" not in data[:100]

    target = empty_database()
    with pytest.raises(BackupError, match="is encrypted: set BACKUP_KEY"):
        backup.restore_backup(archive, database=target, media_root=tmp_path / "a")
    with pytest.raises(BackupError, match="encrypted with another key"):
        backup.restore_backup(archive, key=backup.generate_key(), verify_only=True)
    with pytest.raises(BackupError, match="BACKUP_KEY must decode to 32 bytes"):
        backup.restore_backup(archive, key="c2hvcnQ=", verify_only=True)
    altered = tmp_path / "altered.tar.gz.enc"
    altered.write_bytes(data[:200] + bytes([data[200] ^ 1]) + data[201:])
    with pytest.raises(BackupError, match="damaged or was altered"):
        backup.restore_backup(altered, key=key, verify_only=True)
    truncated = tmp_path / "truncated.tar.gz.enc"
    truncated.write_bytes(data[:-1000])
    with pytest.raises(BackupError, match="damaged or was altered"):
        backup.restore_backup(truncated, key=key, verify_only=True)
    assert not (tmp_path / "a").exists()

    result = backup.restore_backup(archive, key=key, database=target, media_root=tmp_path / "b")

    assert _contents(target) == before
    assert _files(tmp_path / "b") == FILES
    assert result.media_files == 3


def _rewrite(archive: Path, into: Path, change) -> Path:
    """Copy a plain archive member by member, letting ``change(name, data)`` alter a member's bytes."""
    with tarfile.open(archive) as source, tarfile.open(into, "w:gz") as target:
        for member in source.getmembers():
            data = change(member.name, source.extractfile(member).read())
            if data is None:
                continue
            member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    return into


@pytest.mark.django_db
def test_restore_checks_every_checksum_before_touching_anything(media, empty_database, tmp_path):
    archive = backup.create_backup(tmp_path / "backups")
    target = empty_database()

    changed = _rewrite(archive, tmp_path / "changed.tar.gz", lambda n, d: b"other" if n == "media/top.txt" else d)
    with pytest.raises(BackupError, match=r"media/top\.txt does not match its checksum"):
        backup.restore_backup(changed, database=target, media_root=tmp_path / "m")
    missing = _rewrite(archive, tmp_path / "missing.tar.gz", lambda n, d: None if n == "media/top.txt" else d)
    with pytest.raises(BackupError, match=r"media/top\.txt is in the manifest but missing"):
        backup.restore_backup(missing, database=target, media_root=tmp_path / "m")
    no_manifest = _rewrite(archive, tmp_path / "partial.tar.gz", lambda n, d: None if n == "manifest.json" else d)
    with pytest.raises(BackupError, match="has no manifest"):
        backup.restore_backup(no_manifest, database=target, media_root=tmp_path / "m")
    unsafe = tmp_path / "unsafe.tar.gz"
    with tarfile.open(unsafe, "w:gz") as tar:
        tar.addfile(tarfile.TarInfo("media/../../etc/x"), io.BytesIO(b""))
    with pytest.raises(BackupError, match="unsafe name"):
        backup.restore_backup(unsafe, database=target, media_root=tmp_path / "m")
    not_one = tmp_path / "notes.txt"
    not_one.write_text("hello")
    with pytest.raises(BackupError, match="is not a backup archive"):
        backup.restore_backup(not_one, database=target, media_root=tmp_path / "m")

    assert not (tmp_path / "m").exists()
    with backup._connection(target) as database, database.cursor() as cursor:
        assert backup._table_names(cursor, "sqlite" if database.vendor == "sqlite" else "postgresql") == []


@pytest.mark.django_db
def test_the_commands(media, settings, tmp_path, capsys):
    settings.BACKUP_DIR = ""
    with pytest.raises(CommandError, match="--dir DIRECTORY, or set BACKUP_DIR"):
        call_command("backup")

    call_command("backup", "--generate-key")
    key = capsys.readouterr().out.strip()
    assert len(key) == 44 and backup._parse_key(key)

    settings.BACKUP_KEY = key
    call_command("backup", "--dir", str(tmp_path))
    (archive,) = tmp_path.glob("legalaid-backup-*.tar.gz.enc")
    assert f"{archive} (" in capsys.readouterr().out

    call_command("restore", str(archive), "--verify-only")
    out = capsys.readouterr().out
    assert out.startswith("Verified: ") and "3 media files" in out and "every checksum matches" in out
    with pytest.raises(CommandError, match="The target database is not empty"):
        call_command("restore", str(archive))
    settings.BACKUP_KEY = ""
    with pytest.raises(CommandError, match="is encrypted"):
        call_command("restore", str(archive), "--verify-only")


def test_archive_names_carry_the_utc_time():
    assert backup.backup_name(datetime(2026, 12, 4, 1, 30, tzinfo=UTC), encrypted=True) == (
        "legalaid-backup-20261204T013000Z.tar.gz.enc"
    )


# --- pg_dump must be able to read the server ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("client", "server", "refused"),
    [("15.20", 150020, False), ("16.4", 150020, False), ("13.1", 150020, True), ("15.0", 160002, True)],
)
def test_an_older_pg_dump_than_the_server_is_refused_by_name(tmp_path, monkeypatch, client, server, refused):
    tool = tmp_path / "pg_dump"
    tool.write_text(f"#!/bin/sh\necho 'pg_dump (PostgreSQL) {client} (Debian)'\n")
    tool.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    if refused:
        with pytest.raises(BackupError, match=f"install postgresql-client-{server // 10000}"):
            backup._pg_tool("pg_dump", server)
    else:
        assert backup._pg_tool("pg_dump", server) == str(tool)


def test_no_pg_dump_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(BackupError, match="apt-get install postgresql-client"):
        backup._pg_tool("pg_dump", 150000)


# --- Retention ---------------------------------------------------------------------------------------------------


def _nightly(days: int, *, last=datetime(2026, 12, 4, 18, 30, tzinfo=UTC)) -> list[datetime]:
    """One backup a night at 01:30 in Hà Nội (18:30 UTC the day before), ``days`` nights up to ``last``."""
    return [last - timedelta(days=n) for n in range(days)]


@pytest.mark.parametrize(
    ("days", "daily", "weekly", "monthly", "kept"),
    [
        (3, 14, 8, 12, 3),  # fewer than any limit: all kept
        (14, 14, 0, 0, 14),
        (30, 14, 0, 0, 14),
        (30, 0, 0, 0, 1),  # the newest is always kept
    ],
)
def test_retention_keeps_the_newest_of_each_day_week_and_month(days, daily, weekly, monthly, kept):
    stamps = _nightly(days)
    keep = backup.backups_to_keep(stamps, daily=daily, weekly=weekly, monthly=monthly)
    assert len(keep) == kept
    assert max(stamps) in keep


def test_a_year_of_nightly_backups_keeps_14_days_8_weeks_12_months():
    keep = backup.backups_to_keep(_nightly(400), daily=14, weekly=8, monthly=12)

    local_days = sorted(timezone.localtime(stamp).date() for stamp in keep)
    days = [date(2026, 12, 5) - timedelta(days=n) for n in range(14)]  # Sat 5 Dec back to Sun 22 Nov
    # ISO weeks end on Sundays: the weeks of 5 Dec, 29 Nov and 22 Nov are kept by the days; five more.
    weeks = [date(2026, 11, 15), date(2026, 11, 8), date(2026, 11, 1), date(2026, 10, 25), date(2026, 10, 18)]
    # Month ends: December and November are kept by the days; ten more, back to January.
    months = [date(2026, month + 1, 1) - timedelta(days=1) for month in range(1, 11)]
    assert local_days == sorted(days + weeks + months)


def test_retention_days_are_local_days():
    # 18:30 UTC on 4 December is 01:30 on 5 December in Hà Nội; 16:00 UTC is still 4 December there.
    late, early = datetime(2026, 12, 4, 18, 30, tzinfo=UTC), datetime(2026, 12, 4, 16, 0, tzinfo=UTC)
    assert backup.backups_to_keep([late, early], daily=2, weekly=0, monthly=0) == {late, early}
    assert backup.backups_to_keep([late, early], daily=1, weekly=0, monthly=0) == {late}


def test_prune_deletes_only_complete_archives_the_retention_drops(tmp_path):
    for stamp in _nightly(40):
        (tmp_path / backup.backup_name(stamp, encrypted=stamp.day % 2 == 0)).write_bytes(b"x")
    (tmp_path / "legalaid-backup-20261205T010000Z.tar.gz.partial").write_bytes(b"x")
    (tmp_path / "notes.txt").write_text("keep me")

    removed = backup.prune_backups(tmp_path, daily=14, weekly=8, monthly=12, dry_run=True)
    assert len(removed) == 40 - len(backup.backups_to_keep(_nightly(40), daily=14, weekly=8, monthly=12))
    assert all(path.exists() for path in removed)

    assert backup.prune_backups(tmp_path, daily=14, weekly=8, monthly=12) == removed
    assert not any(path.exists() for path in removed)
    assert len(backup.backups_in(tmp_path)) == 40 - len(removed)
    assert (tmp_path / "notes.txt").exists() and (tmp_path / "legalaid-backup-20261205T010000Z.tar.gz.partial").exists()
