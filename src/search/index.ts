// Search indexes: one small Pagefind index per edition, written with the edition and never rewritten; the
// search page merges the indexes of the editions a reader asks for (see README "Search").
import fs from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import type { Settings } from "../content/settings.ts";
import { plainText } from "../markdown/index.ts";
import type { Edition } from "../model/types.ts";
import { urls } from "../model/urls.ts";

/** Files of a Pagefind bundle that only the primary index needs; merged indexes use their own data only. */
const sharedBundleFiles = /^(pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)|pagefind-ui\.css)$/;

export async function writeSearchIndexes(editions: Edition[], outDir: string, settings: Settings): Promise<number> {
  const language = settings.locale.split("-")[0].toLowerCase();
  let records = 0;
  try {
    for (const edition of editions) {
      const { errors, index } = await pagefind.createIndex({ forceLanguage: language });
      if (!index) throw new Error(`search index for ${edition.date}: ${errors.join("; ")}`);
      for (const article of edition.articles) {
        const text = [article.kicker, article.headline, article.subtitle, article.byline, plainText(article.body), ...article.figures.map((f) => f.caption)]
          .filter(Boolean)
          .join("\n");
        const added = await index.addCustomRecord({
          // Site-relative: the search page gives Pagefind the path prefix as its base URL.
          url: article.url,
          content: text,
          language,
          meta: {
            title: article.headline,
            date: edition.dateLabel,
            page: article.page.stripLabel,
            // The article's area on its page view, for "在版面上查看" (only articles with an area on a scan).
            ...(article.polygon && article.page.images ? { scan: `${article.page.url}#area-${article.slug}` } : {}),
          },
          filters: { year: [String(edition.year)] },
          sort: { date: edition.date },
        });
        if (added.errors.length) throw new Error(`${article.file}: search index: ${added.errors.join("; ")}`);
        records++;
      }
      const target = path.join(outDir, urls.searchIndex(edition.date).slice(1));
      const written = await index.writeFiles({ outputPath: target });
      if (written.errors.length) throw new Error(`search index for ${edition.date}: ${written.errors.join("; ")}`);
      for (const name of fs.readdirSync(target)) {
        if (sharedBundleFiles.test(name)) fs.rmSync(path.join(target, name), { force: true });
      }
      await index.deleteIndex();
    }
  } finally {
    await pagefind.close();
  }
  return records;
}
