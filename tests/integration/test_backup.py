"""Backups taken while people write, and restores from them, on SQLite and PostgreSQL: the copy
passes an integrity check and holds every write acknowledged before it began; a file that is
not a backup, or one of a newer version, is refused with the database untouched; the command
line backs up, restores, rebuilds the index and audits both."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pgserver  # type: ignore[import-untyped,unused-ignore]
import pytest
import sqlalchemy as sa
from click.testing import CliRunner
from tests.actors import OPERATOR
from tests.postgres import BACKENDS, database_on
from tests.records import organisation_data

from itpo.adapters.cli import cli
from itpo.adapters.storage.backup import backup_database, restore_database
from itpo.adapters.storage.database import create_engine
from itpo.bootstrap import bootstrap
from itpo.config import Settings
from itpo.registry import services as registry
from itpo.registry.errors import ValidationError

WRITERS = 4
PG_BIN = Path(pgserver.__file__).parent / "pginstall" / "bin"


def names_in(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return set(connection.execute(sa.text("SELECT name FROM organisation")).scalars())
    finally:
        engine.dispose()


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_backup_while_four_writers_edit_holds_every_acknowledged_write(
    backend: str, tmp_path: Path
) -> None:
    with (
        database_on(backend, tmp_path / "live") as live,
        database_on(backend, tmp_path / "restored") as target,
    ):
        (tmp_path / "live").mkdir(exist_ok=True)
        (tmp_path / "restored").mkdir(exist_ok=True)
        platform = bootstrap(
            Settings(database_url=live, data_dir=tmp_path / "data"), initialise=True
        )
        acknowledged: list[str] = []
        lock, stop = threading.Lock(), threading.Event()
        failures: list[BaseException] = []

        def write(writer: int) -> None:
            count = 0
            try:
                while not stop.is_set():
                    name = f"Writer {writer} organisation {count}"
                    registry.create_organisation(
                        by=OPERATOR,
                        uow=platform.uow(immediate=True),  # as the app's writes are
                        data=organisation_data(external_id=f"w{writer}-{count}", name=name),
                    )
                    with lock:
                        acknowledged.append(name)  # committed: the service has returned
                    count += 1
            except BaseException as failure:  # the test must see a writer that stopped
                failures.append(failure)

        threads = [threading.Thread(target=write, args=(i,)) for i in range(WRITERS)]
        for thread in threads:
            thread.start()
        while len(acknowledged) < 40:
            time.sleep(0.01)
        with lock:
            before = set(acknowledged)
        made = backup_database(platform.engine, tmp_path / "copy.backup", pg_bin=PG_BIN)
        time.sleep(0.3)  # the writers go on after the copy
        stop.set()
        for thread in threads:
            thread.join()
        assert not failures, failures
        after = set(acknowledged)
        assert len(after) > len(before)  # writes went on during and after the backup
        platform.close()

        engine = create_engine(target)
        done = restore_database(engine, made.path, pg_bin=PG_BIN)
        engine.dispose()
        assert done.revision_now == done.revision_restored == made.revision
        restored = names_in(target)
        assert before <= restored <= after
        if backend == "sqlite":
            path = sa.make_url(target).database
            with sqlite3.connect(str(path)) as checked:
                assert checked.execute("PRAGMA integrity_check").fetchone() == ("ok",)
                assert checked.execute("PRAGMA foreign_key_check").fetchall() == []
        else:
            engine = create_engine(target)
            with engine.connect() as connection:  # every table readable, the keys intact
                tables = sa.inspect(connection).get_table_names()
                for table in tables:
                    connection.execute(sa.text(f'SELECT count(*) FROM "{table}"')).scalar()
            engine.dispose()
        restored_platform = bootstrap(Settings(database_url=target, data_dir=tmp_path / "d2"))
        restored_platform.close()  # the schema is current: the platform starts on it


@pytest.mark.parametrize("backend", BACKENDS)
def test_what_is_not_a_backup_is_refused_and_nothing_changes(backend: str, tmp_path: Path) -> None:
    with database_on(backend, tmp_path) as url:
        platform = bootstrap(
            Settings(database_url=url, data_dir=tmp_path / "data"), initialise=True
        )
        registry.create_organisation(
            by=OPERATOR, uow=platform.uow(), data=organisation_data(name="Kept Ltd")
        )
        engine = platform.engine
        text_file = tmp_path / "notes.backup"
        text_file.write_text("not a backup", encoding="utf-8")
        with pytest.raises(ValidationError) as refused:
            restore_database(engine, text_file, pg_bin=PG_BIN)
        assert refused.value.errors[0].field == "file"
        existing = tmp_path / "taken.backup"
        existing.write_bytes(b"")
        with pytest.raises(ValidationError) as taken:
            backup_database(engine, existing, pg_bin=PG_BIN)
        assert "exists already" in taken.value.errors[0].message
        assert existing.read_bytes() == b""
        if backend == "sqlite":  # a backup of a newer version of the platform
            newer = tmp_path / "newer.backup"
            backup_database(engine, newer)
            with sqlite3.connect(newer) as changed:
                changed.execute("UPDATE alembic_version SET version_num = '9999_future'")
            with pytest.raises(ValidationError) as future:
                restore_database(engine, newer)
            assert "newer than this version" in future.value.errors[0].message
        assert names_in(url) == {"Kept Ltd"}
        platform.close()


def test_the_command_line_backs_up_restores_rebuilds_the_index_and_audits(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'itpo.sqlite3'}"
    runner = CliRunner()

    def itpo(*args: str) -> str:
        done = runner.invoke(cli, ["--db", url, *args], catch_exceptions=False)
        assert done.exit_code == 0, done.output
        return done.output

    itpo("init")
    platform = bootstrap(Settings(database_url=url, data_dir=tmp_path / "data"))
    registry.create_organisation(
        by=OPERATOR, uow=platform.uow(), data=organisation_data(name="Before Backup Ltd")
    )
    copy = tmp_path / "itpo.backup"
    assert "Backup of the sqlite database written to" in itpo("backup", str(copy))
    again = runner.invoke(cli, ["--db", url, "backup", str(copy)])
    assert again.exit_code == 1 and "exists already" in again.output
    registry.create_organisation(
        by=OPERATOR,
        uow=platform.uow(),
        data=organisation_data(external_id="later", name="After Backup Ltd"),
    )
    platform.close()
    refused = runner.invoke(cli, ["--db", url, "restore", str(copy)], input="n\n")
    assert refused.exit_code == 1
    assert "After Backup Ltd" in names_in(url)
    output = itpo("restore", str(copy), "--yes")
    assert "Restored the sqlite database" in output and "Matching index:" in output
    assert names_in(url) == {"Before Backup Ltd"}
    engine = create_engine(url)
    with engine.connect() as connection:
        actions = list(connection.execute(sa.text("SELECT action FROM audit_entry")).scalars())
    engine.dispose()
    # The backup's entry is in the database it copied; the restore's in the one restored.
    assert "database.restore" in actions and "database.backup" not in actions
