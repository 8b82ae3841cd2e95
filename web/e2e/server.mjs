// Starts the real `clipgen serve` on a free loopback port with a throwaway data folder, and
// stops it again. Used by the end-to-end test.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

// Resolves once /healthz answers 200; rejects if the server exits first.
async function waitUntilHealthy(url, exited) {
  for (;;) {
    const outcome = await Promise.race([
      fetch(`${url}/healthz`).then((r) => r.ok, () => false),
      exited.then((code) => ({ code })),
    ]);
    if (outcome === true) return;
    if (typeof outcome === "object") throw new Error(`clipgen serve exited with ${outcome.code} before it was healthy`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// The server's own drain limit is 20 s; it must be gone soon after.
const stopTimeoutMs = 30_000;

export async function startServer({ binary, webDir, cwd, log, env = {} }) {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), "clipgen-e2e-web-"));
  const args = ["serve", "--dev", "--host", "127.0.0.1", "--port", String(port), "--data-dir", dataDir];
  const child = spawn(binary, args, {
    cwd,
    env: { ...process.env, CLIPGEN_WEB_DIR: webDir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (d) => log(d.toString()));
  child.stderr.on("data", (d) => log(d.toString()));
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? signal)));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilHealthy(url, exited);
  return {
    url,
    // A server that does not stop on SIGTERM is a bug to report, not a reason to hang the run.
    async stop() {
      let stuck = false;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const timer = new Promise((resolve) => setTimeout(() => resolve("timeout"), stopTimeoutMs).unref());
        if ((await Promise.race([exited, timer])) === "timeout") {
          stuck = true;
          child.kill("SIGKILL");
          await exited;
        }
      }
      await rm(dataDir, { recursive: true, force: true });
      if (stuck) throw new Error(`clipgen serve was still running ${stopTimeoutMs / 1000} s after SIGTERM`);
    },
  };
}
