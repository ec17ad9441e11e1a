import { test, expect } from "@playwright/test";
import { spawnSync } from "node:child_process";
import path from "node:path";

// The server binary itself, started with a bad configuration: it must refuse
// to start and say which key is wrong and what it expects.
const root = path.resolve(__dirname, "../..");
const targetDir = process.env.KOERS_TARGET_DIR ?? path.join(root, "target");
const koers = path.join(targetDir, "debug", "koers");

function start(env: Record<string, string>) {
  return spawnSync(koers, ["serve"], { cwd: root, env: { ...process.env, ...env }, encoding: "utf8", timeout: 20_000 });
}

test("a bad value stops the server with a message naming the key", () => {
  const run = start({ KOERS_DATABASE_MAX_CONNECTIONS: "zero", KOERS_SITE_ENVIRONMENT: "staging" });
  expect(run.status).toBe(2);
  expect(run.stderr).toContain("KOERS_DATABASE_MAX_CONNECTIONS: expected a whole number from 1 to 1000, found \"zero\"");
  expect(run.stderr).toContain("KOERS_SITE_ENVIRONMENT: expected one of development, production, found \"staging\"");
});

test("production refuses to start without a key-encryption key", () => {
  const run = start({ KOERS_SITE_ENVIRONMENT: "production", KOERS_SITE_PUBLIC_URL: "https://koers.example.org" });
  expect(run.status).toBe(2);
  expect(run.stderr).toContain("key_encryption_key: expected a key in production");
});

test("a missing configuration file named by KOERS_CONFIG is an error", () => {
  const run = start({ KOERS_CONFIG: "/nonexistent/koers.toml" });
  expect(run.status).toBe(2);
  expect(run.stderr).toContain("/nonexistent/koers.toml: cannot be read");
});
