# LAB STAND-IN for the apiserver: accepts TCP connections on ADDRESS:PORT, answers "ok" and closes
# them; exits by itself after TTL seconds so labs never leak processes.
# Usage: python3 lab-apiserver.py ADDRESS PORT TTL   (Python 2.7 and 3)
import socket
import sys
import time

address, port, ttl = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((address, port))
server.listen(64)
server.settimeout(1)
end = time.time() + ttl
while time.time() < end:
    try:
        conn, _ = server.accept()
        conn.sendall(b'ok\n')
        conn.close()
    except (socket.error, OSError):
        pass
