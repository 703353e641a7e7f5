// What the browser checks share: headless Chromium (Debian's, driven by
// playwright-core), named checks that print "ok"/"FAIL" lines, and the closing
// "N passed, N failed" line with the exit code.
import { chromium } from "playwright-core";

export async function launch(executablePath = "/usr/bin/chromium") {
  return chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

let passed = 0;
let failed = 0;

export async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e.message}`);
  }
}

export function expect(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

export function finish() {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
