"""A throwaway PostgreSQL cluster for the tests, started from the installed server binaries (initdb + pg_ctl).

The cluster lives in a temporary folder, listens on a free port on 127.0.0.1 and on a socket in that folder, trusts
local connections (so test logins need no passwords) and is stopped and deleted at the end of the run. PostgreSQL
refuses to run as root; as root the cluster runs as the `postgres` system user the Debian package creates.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

SUPERUSER = "ol_test_super"
HOW_TO_INSTALL = ("PostgreSQL server binaries not found (initdb): install them with `make system-deps` "
                  "(Debian package `postgresql`) to run the PostgreSQL half of the suite")


def find_bindir() -> Path | None:
    """The newest installed server's bin folder (Debian keeps them out of PATH), or PATH's initdb."""
    env = os.environ.get("OL_DESK_PG_BINDIR")
    if env:
        return Path(env)
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    def __init__(self, bindir: Path):
        self.bindir = bindir
        self.base = Path(tempfile.mkdtemp(prefix="ol-desk-pg-"))
        self.data = self.base / "data"
        self.port = _free_port()
        self._user = None
        if os.geteuid() == 0:
            self._user = pwd.getpwnam("postgres")
            os.chown(self.base, self._user.pw_uid, self._user.pw_gid)

    def _run(self, *args: str) -> None:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        kw = {}
        if self._user is not None:
            user = self._user
            kw["preexec_fn"] = lambda: (os.setgid(user.pw_gid), os.setuid(user.pw_uid))
            kw["cwd"] = str(self.base)
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)

    def start(self) -> Cluster:
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8",
                  "--locale=C", "--no-sync")
        opts = (f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories={self.base} "
                f"-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 "
                f"-c shared_buffers=128MB")
        self._run("pg_ctl", "-D", str(self.data), "-o", opts, "-l", str(self.base / "log"), "-w", "start")
        return self

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.base, ignore_errors=True)

    def url(self, database: str = "postgres", user: str = SUPERUSER) -> str:
        return f"postgresql+psycopg://{user}@127.0.0.1:{self.port}/{database}"


def admin_execute(cluster: Cluster, *statements: str, database: str = "postgres") -> None:
    import psycopg
    with psycopg.connect(host="127.0.0.1", port=cluster.port, user=SUPERUSER, dbname=database,
                         autocommit=True) as con:
        for sql in statements:
            con.execute(sql)


_counter = 0


class fresh_database:
    """`with fresh_database(cluster, template) as name:` a database copied from the template, with its own uid."""

    def __init__(self, cluster: Cluster, template: str):
        global _counter
        _counter += 1
        self.cluster, self.template, self.name = cluster, template, f"t{os.getpid()}_{_counter}"

    def __enter__(self) -> str:
        import uuid
        admin_execute(self.cluster, f'CREATE DATABASE "{self.name}" TEMPLATE "{self.template}"')
        admin_execute(self.cluster, f"UPDATE meta SET value = '{uuid.uuid4().hex}' WHERE key = 'uid'",
                      database=self.name)
        return self.name

    def __exit__(self, *exc) -> None:
        admin_execute(self.cluster, f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')



def ensure_logins(cluster: Cluster, *logins: str) -> None:
    """Logins are cluster-wide: create each once (no password: the test cluster trusts local connections)."""
    import psycopg
    with psycopg.connect(host="127.0.0.1", port=cluster.port, user=SUPERUSER, dbname="postgres",
                         autocommit=True) as con:
        for login in logins:
            if con.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,)).fetchone() is None:
                con.execute(f'CREATE ROLE "{login}" LOGIN')


def connect_as(cluster: Cluster, login: str, database: str):
    """A plain psycopg connection as `login`: what someone typing into psql with that login can do."""
    import psycopg
    return psycopg.connect(host="127.0.0.1", port=cluster.port, user=login, dbname=database, autocommit=True)
