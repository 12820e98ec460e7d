"""Serve the site with live reload (`make serve`), after checking that its address is free.

`mkdocs serve` builds the whole site before it opens its port, then stops with a
traceback when another program holds that port. This checks the address first and
says in one line what to do; otherwise it hands over to `mkdocs serve` unchanged.

Usage:
    python -m scripts.serve [--dev-addr HOST:PORT]
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
from pathlib import Path

DEFAULT_ADDRESS = "127.0.0.1:8000"


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev-addr", default=DEFAULT_ADDRESS, help="HOST:PORT to serve on")
    return parser.parse_args(argv)


def split_address(address: str) -> tuple[str, int] | None:
    """("127.0.0.1", 8000) for "127.0.0.1:8000"; None when it is not HOST:PORT."""
    host, _, port = address.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        return None
    return host.strip("[]"), int(port)


def address_problem(host: str, port: int) -> str | None:
    """Why the server could not listen on host:port, or None when it can. The probe binds
    as the server will (address reuse on), so a port left in TIME_WAIT counts as free."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    except socket.gaierror as error:
        return f"{host} is not an address of this machine ({error.strerror})"
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            return error.strerror or str(error)
    return None


def main(argv=None) -> int:
    args = parse_args(argv)
    address = split_address(args.dev_addr)
    if address is None:
        print(
            f"serve: '{args.dev_addr}' is not HOST:PORT; try: make serve PORT=8001", file=sys.stderr
        )
        return 2
    problem = address_problem(*address)
    if problem is not None:
        print(
            f"serve: cannot listen on {args.dev_addr}: {problem} (another `make serve`?); "
            f"stop it, or choose another port: make serve PORT={address[1] + 1}",
            file=sys.stderr,
        )
        return 1
    mkdocs = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", args.dev_addr]
    os.chdir(Path(__file__).resolve().parent.parent)
    os.execv(sys.executable, mkdocs)
    return 0  # not reached: execv replaces this process


if __name__ == "__main__":
    sys.exit(main())
