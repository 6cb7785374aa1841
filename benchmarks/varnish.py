"""
Varnish in front of a Django server, as deploy/varnish/default.vcl ships it: for the
edge tests and the edge benchmarks. ``Edge(backend_port).start()`` runs ``varnishd -F``
in a work folder of its own with the shipped VCL, its backend port replaced.
"""

import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

VCL = Path(__file__).resolve().parent.parent / "deploy" / "varnish" / "default.vcl"
VARNISHD = shutil.which("varnishd") or (
    "/usr/sbin/varnishd" if Path("/usr/sbin/varnishd").exists() else None
)
VARNISHADM = shutil.which("varnishadm") or "/usr/bin/varnishadm"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def vcl_for(backend_port, backend_host="127.0.0.1"):
    """The shipped VCL, sending misses to this backend."""
    text = VCL.read_text()
    text = re.sub(r'(\.host = )"[^"]*";', rf'\1"{backend_host}";', text, count=1)
    return re.sub(r'(\.port = )"\d+";', rf'\1"{backend_port}";', text, count=1)


class Edge:
    def __init__(self, backend_port, port=None, memory="64m", threads=None):
        self.backend_port = backend_port
        self.port = port or free_port()
        self.memory = memory
        self.threads = threads
        self.folder = Path(tempfile.mkdtemp(prefix="newsroom-varnish-"))
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout=60):
        vcl = self.folder / "default.vcl"
        vcl.write_text(vcl_for(self.backend_port))
        command = [VARNISHD, "-F", "-j", "none", "-a", f"127.0.0.1:{self.port}"]
        command += ["-f", str(vcl), "-n", str(self.folder / "work"), "-s", f"malloc,{self.memory}"]
        command += ["-T", f"127.0.0.1:{free_port()}", "-p", "vsl_space=1M"]
        if self.threads:
            command += ["-p", f"thread_pool_min={self.threads}", "-p", "thread_pools=1"]
        self.log = open(self.folder / "varnishd.log", "wb")  # noqa: SIM115
        self.process = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"varnishd stopped: {self.output()}")
            try:
                urllib.request.urlopen(
                    urllib.request.Request(self.url + "/", method="PURGE"), timeout=1
                )
            except urllib.error.HTTPError:
                return self  # Varnish answers (400: a purge naming nothing)
            except OSError:
                time.sleep(0.1)
                continue
            return self
        self.stop()
        raise RuntimeError(f"varnishd did not answer within {timeout} s: {self.output()}")

    def output(self):
        return (self.folder / "varnishd.log").read_text(errors="replace")[-2000:]

    def forget_everything(self):
        """Every kept page banned, so the next request of each goes to Django."""
        subprocess.run(
            [VARNISHADM, "-n", str(self.folder / "work"), "ban", "req.url", "~", "."],
            check=True,
            capture_output=True,
        )

    def stat(self, *names):
        """Counters of varnishstat, e.g. ``MAIN.backend_req``."""
        found = subprocess.run(
            ["varnishstat", "-n", str(self.folder / "work"), "-1", *[f"-f{n}" for n in names]],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        return {line.split()[0]: int(line.split()[1]) for line in found.splitlines() if line}

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
        if getattr(self, "log", None):
            self.log.close()
        shutil.rmtree(self.folder, ignore_errors=True)
