"""The packaged service as a separate process, for the CI scripts: started on given ports, waited for, stopped."""

import os
import signal
import subprocess
import sys
import time
import urllib.request


class PackagedService:
    def __init__(self, name, app_dir, port, management_port, environment, log_dir):
        self.name = name
        self.base = f"http://127.0.0.1:{port}/api/v1"
        self.health = f"http://127.0.0.1:{management_port}/q/health/ready"
        self.metrics = f"http://127.0.0.1:{management_port}/q/metrics"
        self.log_path = os.path.join(log_dir, f"{name}.log")
        self.log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            ["java", "-jar", os.path.join(app_dir, "quarkus-run.jar")],
            env=dict(os.environ, PRISONWATCH_PORT=str(port), PRISONWATCH_MANAGEMENT_PORT=str(management_port),
                     **environment),
            stdout=self.log, stderr=subprocess.STDOUT)

    def wait_ready(self, seconds=120):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"{self.name} exited at start; see {self.log_path}")
            try:
                with urllib.request.urlopen(self.health, timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                pass
            time.sleep(0.3)
        sys.exit(f"{self.name} was not ready within {seconds} s; see {self.log_path}")

    def kill(self):
        """SIGKILL: no shutdown hook runs, nothing is flushed or finished on the way out."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(30)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(30)
        self.log.close()
