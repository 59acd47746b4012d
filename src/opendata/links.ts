// The <link>s in a view's head that lead machines to the open data: the edition's IIIF manifest, the view's JSON
// file, the OpenSearch description. Links only: reader pages get no script for them.
import type { Article, Edition, Page } from "../model/types.ts";
import { urls } from "../model/urls.ts";
import { manifestMediaType } from "./iiif.ts";
import { articleJsonUrl, pageJsonUrl } from "./json.ts";

export interface HeadLink {
  rel: string;
  type: string;
  href: string;
  title?: string;
}

export interface ViewOf {
  /** The layout's body class: page-view, edition-view, article-view … */
  view: string;
  edition?: Edition | null;
  page?: Page | null;
  article?: Article | null;
  paper: string;
}

export function headLinks(of: ViewOf): HeadLink[] {
  const links: HeadLink[] = [];
  const { edition, page, article } = of;
  if (edition && (of.view === "page-view" || of.view === "edition-view")) {
    links.push({ rel: "alternate", type: manifestMediaType, href: urls.manifest(edition.date) });
  }
  if (of.view === "page-view" && page)
    links.push({ rel: "alternate", type: "application/json", href: pageJsonUrl(page) });
  if (of.view === "edition-view" && edition)
    links.push({ rel: "alternate", type: "application/json", href: urls.editionJson(edition.date) });
  if (of.view === "article-view" && article)
    links.push({ rel: "alternate", type: "application/json", href: articleJsonUrl(article) });
  links.push({
    rel: "search",
    type: "application/opensearchdescription+xml",
    href: urls.openSearch(),
    title: of.paper,
  });
  return links;
}
