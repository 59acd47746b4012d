// The reader pages that come by the hundred — article and page views — paginated as ready-made views: the model
// object, what its layouts read (its edition, its page), and its head (title, description, canonical URL, Open
// Graph, JSON-LD). Made here once per page; as Eleventy computed data the same values cost about a third of an
// article view's render (each key is run through dependency-tracking proxies for every page).
import type { Article, Edition, Page } from "../model/types.ts";
import type { SiteData } from "../model/site.ts";

export interface View {
  article?: Article;
  pg: Page;
  edition: Edition;
  title: string;
  description?: string;
  canonical: string;
  og?: { type: string; title: string; description: string; image: Article["shareImage"] };
  jsonld: Record<string, unknown> | null;
  prefetch?: string;
}

export interface Views {
  articles: View[];
  pages: View[];
}

export function buildViews(site: SiteData): Views {
  return { articles: site.articles.map((a) => articleView(a, site)), pages: site.pages.map((p) => pageView(p, site)) };
}

function articleView(a: Article, site: SiteData): View {
  const paper = site.settings.paper;
  return {
    article: a,
    pg: a.page,
    edition: a.edition,
    title: `${a.headline} · ${a.page.stripLabel} · ${paper}`,
    description: a.excerpt,
    canonical: a.url,
    og: { type: "article", title: a.headline, description: a.excerpt, image: a.shareImage },
    jsonld: {
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: a.headline,
      ...(a.subtitle ? { alternativeHeadline: a.subtitle } : {}),
      datePublished: a.edition.published,
      ...(a.modified ? { dateModified: a.modified } : {}),
      ...(a.byline ? { author: { "@type": "Person", name: a.byline } } : {}),
      publisher: { "@type": "Organization", name: paper },
      printEdition: a.edition.date,
      printSection: a.page.section,
      printPage: a.page.label,
      inLanguage: site.lang,
      ...(a.shareImage ? { image: site.root + a.shareImage.url.slice(1) } : {}),
      mainEntityOfPage: site.root + a.url.slice(1),
    },
  };
}

function pageView(pg: Page, site: SiteData): View {
  return {
    pg,
    edition: pg.edition,
    title: `${pg.stripLabel} · ${pg.edition.dateLabel} · ${site.settings.paper}`,
    canonical: pg.url,
    prefetch: pg.next?.url,
    // A page is modified when one of its articles is corrected (更正).
    jsonld: pg.modified
      ? {
          "@context": "https://schema.org",
          "@type": "WebPage",
          name: `${pg.stripLabel} · ${pg.edition.dateLabel}`,
          datePublished: pg.edition.published,
          dateModified: pg.modified,
          url: site.root + pg.url.slice(1),
        }
      : null,
  };
}
