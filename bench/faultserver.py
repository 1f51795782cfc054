#!/usr/bin/env python3
"""A small HTTP/1.1 file server for bench/run.sh's slow and faulty rows: 127.0.0.1 only.

    python3 bench/faultserver.py ROOT PORTFILE [--delay-ms 50] [--reset-every 20]

Serves the files under ROOT with keep-alive, ETag, Last-Modified and single byte ranges
(If-Range honoured), and behaves by the first segment of the path:

  /latency/...  every response starts --delay-ms after its request arrived, as from a server
                far away or busy thinking (the body then comes at loopback speed)
  /flaky/...    every --reset-every-th response (counted over the server's life) is cut in the
                middle of its body by a TCP reset, as from an overloaded proxy or a dropped route
  anything else served plainly

Binds an ephemeral port on 127.0.0.1, writes it to PORTFILE once listening, and runs until
killed. Counters are per process, so every client run against one server sees the same
fraction of resets, whatever order it asks in.
"""
import argparse
import asyncio
import email.utils
import os
import socket
import struct
import sys
import urllib.parse

MAX_HEAD = 64 * 1024


class Files:
    """Bodies read once from the page cache and kept: the data set of a row is small."""

    def __init__(self, root):
        self.root = os.path.realpath(root)
        self.cache = {}

    def get(self, url_path):
        if url_path in self.cache:
            return self.cache[url_path]
        rel = urllib.parse.unquote(url_path).lstrip("/")
        full = os.path.realpath(os.path.join(self.root, rel))
        if not full.startswith(self.root + os.sep) or not os.path.isfile(full):
            return None
        st = os.stat(full)
        with open(full, "rb") as f:
            body = f.read()
        etag = '"%x-%x"' % (st.st_size, st.st_mtime_ns)
        modified = email.utils.formatdate(st.st_mtime, usegmt=True)
        entry = (body, etag, modified)
        self.cache[url_path] = entry
        return entry


def byte_range(value, size):
    """(start, end exclusive) for 'bytes=a-b' / 'bytes=a-' / 'bytes=-n'; None when not one satisfiable range."""
    if not value.startswith("bytes=") or "," in value:
        return None
    first, _, last = value[6:].strip().partition("-")
    try:
        if first == "":
            n = int(last)
            return (max(0, size - n), size) if n > 0 else None
        start = int(first)
        end = int(last) + 1 if last else size
    except ValueError:
        return None
    if start >= size or end <= start:
        return None
    return start, min(end, size)


class Server:
    def __init__(self, files, delay, reset_every):
        self.files = files
        self.delay = delay
        self.reset_every = reset_every
        self.flaky_count = 0

    async def handle(self, reader, writer):
        sock = writer.get_extra_info("socket")
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            while True:
                try:
                    head = await reader.readuntil(b"\r\n\r\n")
                except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
                    return
                if len(head) > MAX_HEAD:
                    return
                if not await self.respond(head, writer):
                    return
        finally:
            writer.close()

    async def respond(self, head, writer):
        lines = head.decode("latin-1").split("\r\n")
        parts = lines[0].split(" ")
        if len(parts) != 3:
            return False
        method, target, version = parts
        headers = {}
        for line in lines[1:]:
            name, sep, value = line.partition(":")
            if sep:
                headers[name.strip().lower()] = value.strip()
        path = urllib.parse.urlsplit(target).path
        keep = version == "HTTP/1.1" and headers.get("connection", "").lower() != "close"
        if path.startswith("/latency/") and self.delay > 0:
            await asyncio.sleep(self.delay)
        entry = self.files.get(path) if method in ("GET", "HEAD") else None
        if entry is None:
            status, extra, body = "404 Not Found", [], b"not found\n"
        else:
            body, etag, modified = entry
            status, extra = "200 OK", []
            wanted = headers.get("range")
            if_range = headers.get("if-range")
            if wanted and (if_range is None or if_range in (etag, modified)):
                r = byte_range(wanted, len(body))
                if r is None:
                    status, extra, body = "416 Range Not Satisfiable", ["Content-Range: bytes */%d" % len(body)], b""
                else:
                    status = "206 Partial Content"
                    extra = ["Content-Range: bytes %d-%d/%d" % (r[0], r[1] - 1, len(body))]
                    body = body[r[0]:r[1]]
            extra += ["ETag: " + etag, "Last-Modified: " + modified, "Accept-Ranges: bytes"]
        out = ["HTTP/1.1 " + status, "Content-Length: %d" % len(body),
               "Content-Type: application/octet-stream"] + extra
        if not keep:
            out.append("Connection: close")
        writer.write(("\r\n".join(out) + "\r\n\r\n").encode("latin-1"))
        if method == "HEAD":
            await writer.drain()
            return keep
        if path.startswith("/flaky/") and self.reset_every > 0 and len(body) > 1:
            self.flaky_count += 1
            if self.flaky_count % self.reset_every == self.reset_every // 2:
                writer.write(body[: len(body) // 2])
                writer.transport.set_write_buffer_limits(0)
                await writer.drain()
                sock = writer.get_extra_info("socket")
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                writer.transport.abort()  # close with linger 0: the client sees a reset mid-body
                return False
        writer.write(body)
        await writer.drain()
        return keep


async def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("root")
    ap.add_argument("portfile")
    ap.add_argument("--delay-ms", type=float, default=50)
    ap.add_argument("--reset-every", type=int, default=20)
    args = ap.parse_args()
    server = Server(Files(args.root), args.delay_ms / 1000, args.reset_every)
    srv = await asyncio.start_server(server.handle, "127.0.0.1", 0, backlog=4096, limit=MAX_HEAD + 1)
    port = srv.sockets[0].getsockname()[1]
    tmp = args.portfile + ".tmp"
    with open(tmp, "w") as f:
        f.write("%d\n" % port)
    os.replace(tmp, args.portfile)
    async with srv:
        await srv.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(130)
