"""Opens COUNT keep-alive connections to a server on 127.0.0.1:PORT, each asking GET /healthz
once and then holding the connection idle, and reports the server's resident memory before and
with them open (VmRSS of PID). The connections come from many loopback addresses (127.0.1.x),
COUNT / ADDRESSES each, so a per-client connection limit is not what is measured.

    python3 idle_connections.py PORT PID COUNT ADDRESSES  ->  one JSON line
"""
import json
import resource
import selectors
import socket
import sys
import time


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for {pid}")


def main():
    port, pid, count, addresses = (int(arg) for arg in sys.argv[1:5])
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    before = rss_kib(pid)
    request = b"GET /healthz HTTP/1.1\r\nHost: bench\r\n\r\n"
    selector = selectors.DefaultSelector()
    sockets = []
    for i in range(count):
        sock = socket.socket()
        sock.bind((f"127.0.1.{1 + i % addresses}", 0))
        sock.setblocking(False)
        sock.connect_ex(("127.0.0.1", port))
        sockets.append(sock)
        selector.register(sock, selectors.EVENT_WRITE, [b""])
    answered = 0
    deadline = time.monotonic() + 120
    while answered < count and time.monotonic() < deadline:
        for key, events in selector.select(timeout=1):
            sock, received = key.fileobj, key.data
            if events & selectors.EVENT_WRITE:
                sock.sendall(request)
                selector.modify(sock, selectors.EVENT_READ, received)
                continue
            data = sock.recv(65536)
            if not data:
                selector.unregister(sock)
                continue
            received[0] += data
            if b"\r\n\r\n" in received[0] and received[0].endswith(b'"ok"}'):
                selector.unregister(sock)
                answered += 1
    time.sleep(1)  # let the server settle with every connection idle
    held = rss_kib(pid)
    # Every connection still open: the server has not dropped any.
    still_open = 0
    for sock in sockets:
        try:
            still_open += sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) != b""
        except BlockingIOError:
            still_open += 1
        except OSError:
            pass
    print(json.dumps({"connections": count, "answered": answered, "still_open": still_open,
                      "rss_before_kib": before, "rss_held_kib": held}))
    for sock in sockets:
        sock.close()


if __name__ == "__main__":
    main()
