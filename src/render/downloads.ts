// Whole-edition downloads, written at build time: one PDF of the edition's pages with a bookmark per page and per
// article (pdf-lib), and an EPUB 3 of the edition's text (one chapter per page, our own small ZIP writer).
import fs from "node:fs";
import path from "node:path";
import type { PDFDocument, PDFRef } from "pdf-lib";
import { cachedOutput, fileStamp, hashBytes, stageCacheFolders } from "../util/cache.ts";
import type { Edition, Page } from "../model/types.ts";
import { urls } from "../model/urls.ts";
import type { SiteData } from "../model/site.ts";
import { writePageWords } from "./words.ts";
import { zip } from "./zip.ts";

/** Built files are dated by the edition, never by the clock: two builds stay byte-identical. */
const editionMoment = (edition: Edition) => new Date(`${edition.date}T00:00:00Z`);

/** Pages that go into the edition PDF: their own PDF, else their scan (as the image readers see). */
function printable(page: Page): boolean {
  return Boolean(page.pdfPath || page.images);
}

interface OutlineItem {
  title: string;
  page: PDFRef;
  /** Top of the bookmark's view, in PDF points from the page's bottom */
  top: number;
  children: OutlineItem[];
}

/** `imageDir`: where the derivatives are when not in outDir/img (a publish keeps them in the shared image store). */
export async function editionPdf(
  edition: Edition,
  outDir: string,
  title: string,
  imageDir = path.join(outDir, "img"),
): Promise<Uint8Array | null> {
  const pages = edition.pages.filter(printable);
  if (!pages.length) return null;
  // pdf-lib is loaded only when a PDF is made: a warm build finds the editions' PDFs in the cache.
  const lib = await import("pdf-lib");
  const doc = await lib.PDFDocument.create({ updateMetadata: false });
  const when = editionMoment(edition);
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setCreationDate(when);
  doc.setModificationDate(when);
  doc.setProducer("Banmian");
  const outline: OutlineItem[] = [];
  for (const page of pages) {
    let added;
    if (page.pdfPath) {
      const source = await lib.PDFDocument.load(fs.readFileSync(page.pdfPath), { updateMetadata: false });
      [added] = await doc.copyPages(source, [0]);
      doc.addPage(added);
    } else {
      const scan = page.images!.picture.fallback;
      const image = await doc.embedJpg(fs.readFileSync(path.join(imageDir, scan.url.replace(/^\/img\//, ""))));
      added = doc.addPage([scan.width * 0.75, scan.height * 0.75]);
      added.drawImage(image, { x: 0, y: 0, width: added.getWidth(), height: added.getHeight() });
    }
    const height = added.getHeight();
    outline.push({
      title: page.stripLabel,
      page: added.ref,
      top: height,
      children: page.articles.map((article) => ({
        title: article.headline,
        page: added.ref,
        children: [],
        top: article.polygon ? height * (1 - Math.min(...article.polygon.map((p) => p[1]))) : height,
      })),
    });
  }
  writeOutline(lib, doc, outline);
  return doc.save({ useObjectStreams: false });
}

/** The document outline (bookmarks) as PDF dictionaries: pdf-lib has no API for it. */
function writeOutline(lib: typeof import("pdf-lib"), doc: PDFDocument, items: OutlineItem[]): void {
  const { PDFHexString, PDFName } = lib;
  const root = doc.context.nextRef();
  const count = (list: OutlineItem[]): number => list.reduce((n, item) => n + 1 + count(item.children), 0);
  const level = (list: OutlineItem[], parent: PDFRef): { first: PDFRef; last: PDFRef } => {
    const refs = list.map(() => doc.context.nextRef());
    list.forEach((item, i) => {
      const entries: Record<string, unknown> = {
        Title: PDFHexString.fromText(item.title),
        Parent: parent,
        Dest: [item.page, PDFName.of("XYZ"), 0, item.top, null],
      };
      if (i > 0) entries.Prev = refs[i - 1];
      if (i < list.length - 1) entries.Next = refs[i + 1];
      if (item.children.length) {
        const kids = level(item.children, refs[i]);
        Object.assign(entries, { First: kids.first, Last: kids.last, Count: count(item.children) });
      }
      doc.context.assign(refs[i], doc.context.obj(entries as any));
    });
    return { first: refs[0], last: refs[refs.length - 1] };
  };
  const top = level(items, root);
  doc.context.assign(
    root,
    doc.context.obj({ Type: "Outlines", First: top.first, Last: top.last, Count: count(items) }),
  );
  doc.catalog.set(PDFName.of("Outlines"), root);
  doc.catalog.set(PDFName.of("PageMode"), PDFName.of("UseOutlines"));
}

const xml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** markdown-it's HTML as XHTML: void elements closed; images are left out (the EPUB is the edition's text). */
function xhtmlBody(html: string): string {
  return html.replace(/<img\b[^>]*>/g, "").replace(/<(br|hr)\s*>/g, "<$1/>");
}

function chapter(page: Page, lang: string): string {
  const articles = page.articles
    .map((a, i) =>
      [
        `<section id="a${i + 1}">`,
        a.kicker ? `<p class="kicker">${xml(a.kicker)}</p>` : "",
        `<h2>${xml(a.headline)}</h2>`,
        a.subtitle ? `<p class="subtitle">${xml(a.subtitle)}</p>` : "",
        a.byline ? `<p class="byline">${xml(a.byline)}</p>` : "",
        xhtmlBody(a.html),
        `</section>`,
      ]
        .filter(Boolean)
        .join("\n"),
    )
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="${lang}" lang="${lang}">
<head><meta charset="utf-8"/><title>${xml(page.stripLabel)}</title></head>
<body>
<h1>${xml(page.stripLabel)}</h1>
${articles}
</body>
</html>
`;
}

export function editionEpub(edition: Edition, site: Pick<SiteData, "root" | "lang" | "settings">): Buffer {
  const title = `${site.settings.paper} ${edition.dateLabel}`;
  const lang = site.lang;
  const modified = `${edition.date}T00:00:00Z`;
  const files = edition.pages.map((page, i) => ({ page, name: `page-${String(i + 1).padStart(3, "0")}.xhtml` }));
  const opf = `<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id" xml:lang="${lang}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="id">${xml(site.root + edition.url.slice(1))}</dc:identifier>
<dc:title>${xml(title)}</dc:title>
<dc:language>${lang}</dc:language>
<dc:publisher>${xml(site.settings.paper)}</dc:publisher>
<dc:date>${edition.date}</dc:date>
<meta property="dcterms:modified">${modified}</meta>
</metadata>
<manifest>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
${files.map((f, i) => `<item id="p${i + 1}" href="${f.name}" media-type="application/xhtml+xml"/>`).join("\n")}
</manifest>
<spine>
${files.map((_, i) => `<itemref idref="p${i + 1}"/>`).join("\n")}
</spine>
</package>
`;
  const nav = `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="${lang}" lang="${lang}">
<head><meta charset="utf-8"/><title>${xml(title)}</title></head>
<body>
<nav epub:type="toc" id="toc"><h1>${xml(title)}</h1>
<ol>
${files.map((f) => `<li><a href="${f.name}">${xml(f.page.stripLabel)}</a>${f.page.articles.length ? `<ol>${f.page.articles.map((a, i) => `<li><a href="${f.name}#a${i + 1}">${xml(a.headline)}</a></li>`).join("")}</ol>` : ""}</li>`).join("\n")}
</ol>
</nav>
</body>
</html>
`;
  const container = `<?xml version="1.0" encoding="utf-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
`;
  return zip(
    [
      { name: "mimetype", data: Buffer.from("application/epub+zip"), store: true },
      { name: "META-INF/container.xml", data: Buffer.from(container) },
      { name: "OEBPS/content.opf", data: Buffer.from(opf) },
      { name: "OEBPS/nav.xhtml", data: Buffer.from(nav) },
      ...files.map((f) => ({ name: `OEBPS/${f.name}`, data: Buffer.from(chapter(f.page, lang)) })),
    ],
    editionMoment(edition),
  );
}

/** Everything an edition's PDF is made from, as a cache key: page sources by stamp (no read), labels, bookmarks. */
function editionPdfKey(edition: Edition, title: string): string {
  const pages = edition.pages
    .filter(printable)
    .map((page) => [
      page.stripLabel,
      page.pdfPath ? fileStamp(page.pdfPath) : page.images!.picture.fallback.url,
      page.articles.map((a) => [a.headline, a.polygon ? Math.min(...a.polygon.map((p) => p[1])) : null]),
    ]);
  return hashBytes("edition-pdf", downloadsVersion, title, edition.date, JSON.stringify(pages));
}

/** Bump when editionPdf's output changes: cached PDFs are then made again. */
const downloadsVersion = "1";

/**
 * The downloads stage: each edition's PDF and EPUB, and its pages' word boxes. Returns the files written. With a
 * cache folder an unchanged edition's PDF is copied from it rather than merged again.
 */
export async function writeEditionDownloads(
  site: Pick<SiteData, "root" | "lang" | "settings" | "editions">,
  outDir: string,
  imageDir?: string,
  cacheDir?: string,
): Promise<number> {
  let written = 0;
  for (const edition of site.editions) {
    const title = `${site.settings.paper} ${edition.dateLabel}`;
    if (edition.pages.some(printable)) {
      const key = editionPdfKey(edition, title);
      const pdf = await cachedOutput(
        cacheDir,
        stageCacheFolders.downloads,
        `${key}.pdf`,
        async () => (await editionPdf(edition, outDir, title, imageDir))!,
      );
      fs.writeFileSync(path.join(outDir, urls.editionPdf(edition.date).slice(1)), pdf);
      written++;
    }
    fs.writeFileSync(path.join(outDir, urls.editionEpub(edition.date).slice(1)), editionEpub(edition, site));
    written += 1 + (await writePageWords(edition.pages, outDir, cacheDir));
  }
  return written;
}

/** Templates link the downloads only where the build writes them. */
export function downloadsPlugin(eleventyConfig: any): void {
  eleventyConfig.addFilter("editionPdfUrl", (edition: Edition) =>
    edition.pages.some(printable) ? urls.editionPdf(edition.date) : null,
  );
  eleventyConfig.addFilter("editionEpubUrl", (edition: Edition) => urls.editionEpub(edition.date));
}
