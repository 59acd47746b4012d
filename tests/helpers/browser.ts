// Real Chromium for browser tests: Debian's /usr/bin/chromium (never a downloaded browser), and a watch on every
// page for console errors, uncaught exceptions and Content-Security-Policy violations.
// Some callbacks here run inside the page, in Chromium: they see the DOM.
/// <reference lib="dom" />
import fs from "node:fs";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from "playwright-core";
import { afterEach, expect } from "vitest";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Fails (never skips) when Chromium is missing: the browser tests are part of `npm test`. */
export function requireChromium(): string {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}. The browser tests need Debian's Chromium and CJK fonts: ` +
        "apt-get install -y chromium fonts-noto-cjk (bash .ci/run does this)",
    );
  }
  return chromiumPath;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: requireChromium(), args: chromiumArgs });
}

export interface Problem {
  url: string;
  kind: "console" | "exception" | "csp" | "http";
  text: string;
}

/** A browser context whose pages report their problems into `problems`. */
export async function watchedContext(
  browser: Browser,
  problems: Problem[],
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: "zh-CN", ...options });
  await context.exposeBinding("__banmianCsp", ({ page }, text: string) => {
    problems.push({ url: page.url(), kind: "csp", text });
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __banmianCsp(text: string): void }).__banmianCsp(
        `${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  context.on("console", (message) => {
    if (message.type() !== "error") return;
    const source = message.location().url;
    problems.push({
      url: message.page()?.url() ?? "",
      kind: "console",
      text: `${message.text()}${source ? ` (${source})` : ""}`,
    });
  });
  context.on("response", (response) => {
    if (response.status() >= 400)
      problems.push({
        url: response.frame()?.url() ?? "",
        kind: "http",
        text: `${response.status()} ${response.url()}`,
      });
  });
  context.on("weberror", (error) => {
    problems.push({ url: error.page()?.url() ?? "", kind: "exception", text: String(error.error()) });
  });
  return context;
}

/**
 * A test file's browser contexts: each watched for problems and closed after every test, and every test fails on
 * a problem seen in any page it visited (console error, uncaught exception, CSP violation, HTTP error).
 */
export function checkedContexts(browser: () => Browser): {
  problems: Problem[];
  context(options?: BrowserContextOptions): Promise<BrowserContext>;
} {
  const problems: Problem[] = [];
  const contexts: BrowserContext[] = [];
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    const seen = problems.splice(0);
    expect(seen).toEqual([]);
  });
  return {
    problems,
    async context(options = {}) {
      const made = await watchedContext(browser(), problems, options);
      contexts.push(made);
      return made;
    },
  };
}
