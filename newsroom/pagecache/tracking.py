"""
Hearing from Redis itself which keys changed, on a connection of this process's own.

The connection asks Redis to track every key under some prefixes (``CLIENT TRACKING
ON BCAST``, RESP3): whenever any process writes one of them, or Redis expires,
evicts or flushes it, Redis pushes its name to this connection before it answers
the writer. Reading what was pushed is one look at a socket that does not wait,
cheap enough for every request.

What is heard can be trusted only while the connection is known to be alive: a ping
goes out at least every PING_SECONDS, and everything pushed before its answer has
been read once the answer is; the connection is trusted for TRUST_SECONDS past the
last answered ping. A connection that broke, that Redis closed, or that left a ping
unanswered for DROP_SECONDS is dropped, and another is tried RETRY_SECONDS later.
"""

import collections
import logging
import time

import redis

logger = logging.getLogger(__name__)

PING_SECONDS = 0.5
TRUST_SECONDS = 2.0
DROP_SECONDS = 5.0
RETRY_SECONDS = 5.0
TIMEOUT_SECONDS = 1.0
# Among the keys heard: Redis flushed the whole database.
EVERYTHING = None


class Listener:
    """A connection hearing of changes to keys under ``prefixes`` (bytes or str)."""

    def __init__(self, url, prefixes, clock=time.monotonic):
        self.url, self.prefixes, self.clock = url, list(prefixes), clock
        self.connection = None
        self.generation = 0  # counts connections made: what relied on one ends with it
        self.retry_at = 0.0
        self.trusted_until = 0.0
        self.last_ping = 0.0
        self.pings = collections.deque()  # when each unanswered ping was sent
        self._heard = []

    def listen(self):
        """``(keys, live)``: the keys changed since the last call (EVERYTHING among them
        for a flush), and this connection's generation while it may be trusted, else
        None. A generation that ends never comes back: whatever relied on it must go."""
        now = self.clock()
        if self.connection is None and not self._connect(now):
            return [], None
        try:
            self._read()
            if not self.pings and now - self.last_ping >= PING_SECONDS:
                self.connection.send_command("PING", check_health=False)
                self.pings.append(now)
                self.last_ping = now
        except (redis.RedisError, OSError) as error:
            self.drop(f"the connection failed: {error}")
            return [], None
        if self.pings and now - self.pings[0] > DROP_SECONDS:
            self.drop(f"no answer to a ping for {DROP_SECONDS:g} s")
            return [], None
        heard, self._heard = self._heard, []
        return heard, (self.generation if now < self.trusted_until else None)

    def drop(self, why):
        if self.connection is not None:
            logger.warning("Stopped hearing of changes from Redis (%s).", why)
        self.close()
        self.retry_at = self.clock() + RETRY_SECONDS

    def close(self):
        if self.connection is not None:
            self.connection.disconnect()
        self.connection = None
        self.pings.clear()
        self.trusted_until = 0.0

    def _connect(self, now):
        if now < self.retry_at:
            return False
        pool = redis.ConnectionPool.from_url(
            self.url,
            protocol=3,
            socket_timeout=TIMEOUT_SECONDS,
            socket_connect_timeout=TIMEOUT_SECONDS,
        )
        connection = pool.make_connection()
        try:
            connection.connect()
            # redis-py's own client-side cache hears pushes this way; it is not used
            # itself because it needs Redis 7.4 and caches whole replies per command.
            connection._parser.set_invalidation_push_handler(self._on_invalidation)
            tracking = ["CLIENT", "TRACKING", "ON", "BCAST"]
            for prefix in self.prefixes:
                tracking += ["PREFIX", prefix]
            connection.send_command(*tracking)
            connection.read_response()
        except redis.ResponseError as error:  # a Redis before 6.0, or the command refused
            connection.disconnect()
            self.retry_at = float("inf")
            logger.warning("Redis cannot tell of changes (%s): no page copies in processes.", error)
            return False
        except (redis.RedisError, OSError) as error:
            connection.disconnect()
            self.retry_at = now + RETRY_SECONDS
            logger.warning("Cannot hear of changes from Redis (%s); trying again later.", error)
            return False
        self.connection = connection
        self.generation += 1
        self.trusted_until = now + TRUST_SECONDS
        self.last_ping = now
        self._heard = []
        return True

    def _read(self):
        connection = self.connection
        while connection.can_read(timeout=0):
            reply = connection.read_response(push_request=True)
            if reply is not None and self.pings:  # a ping answered: all pushed before it read
                self.trusted_until = self.pings.popleft() + TRUST_SECONDS

    def _on_invalidation(self, push):
        keys = push[1]
        self._heard.extend(keys if keys is not None else [EVERYTHING])
