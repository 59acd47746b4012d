// Before the tests: the Debian packages the browser tests need (Chromium, CJK fonts, qpdf, epubcheck). Installed when
// missing and this runs as root (a fresh CI machine); otherwise the exact command to run is printed and the tests stop.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";

export interface SystemNeed {
  /** The Debian package */
  pkg: string;
  present: () => boolean;
}

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Debian's epubcheck is a jar (its /usr/bin link needs binfmt support, which containers often lack): run with java -jar. */
export const epubcheckJar = "/usr/share/java/epubcheck.jar";

export const testNeeds: SystemNeed[] = [
  { pkg: "chromium", present: () => fs.existsSync(chromiumPath) },
  { pkg: "fonts-noto-cjk", present: () => hasCjkFont() },
  // The whole-edition downloads are checked with the tools readers' software trusts: qpdf for the PDF, epubcheck for the EPUB.
  { pkg: "qpdf", present: () => fs.existsSync("/usr/bin/qpdf") },
  { pkg: "epubcheck", present: () => fs.existsSync(epubcheckJar) },
];

function hasCjkFont(): boolean {
  const result = spawnSync("fc-list", [":lang=zh"], { encoding: "utf8" });
  return result.status === 0 && /Noto (Sans|Serif) CJK/i.test(result.stdout);
}

/** Installs what is missing (as root, with apt-get), or throws with the command that would. */
export function ensureSystemPackages(
  needs: SystemNeed[] = testNeeds,
  log: (line: string) => void = console.log,
): string[] {
  const missing = needs.filter((n) => !n.present()).map((n) => n.pkg);
  if (!missing.length) return [];
  const command = ["apt-get", "install", "-y", "--no-install-recommends", ...missing];
  if (process.getuid?.() !== 0) {
    throw new Error(
      `the browser tests need ${missing.join(" and ")}: run  sudo apt-get update && sudo ${command.join(" ")}  then npm test again`,
    );
  }
  log(`installing ${missing.join(", ")} (apt-get) for the browser tests`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update"], { stdio: "inherit", env });
  execFileSync(command[0], command.slice(1), { stdio: "inherit", env });
  const still = needs.filter((n) => !n.present()).map((n) => n.pkg);
  if (still.length)
    throw new Error(`apt-get installed ${missing.join(", ")} but ${still.join(", ")} still cannot be found`);
  return missing;
}
