// Ties the parts of continued articles together and checks that every part is where the print says it is.
import type { Diagnostics } from "../content/diagnostics.ts";
import type { Locale } from "../locale/index.ts";
import type { Article, Edition, Page, Story } from "./types.ts";
import { parseLabel, urls } from "./urls.ts";

interface Continuations {
  story?: string;
  from?: string;
  on?: string;
}

export function linkStories(edition: Edition, locale: Locale, diagnostics: Diagnostics): Story[] {
  const byKey = new Map<string, Article[]>();
  const fieldsOf = new Map<Article, Continuations>();
  for (const article of edition.articles) {
    const { story, continued_from: from, continued_on: on } = article.fields;
    fieldsOf.set(article, { story, from, on });
    if (story) byKey.set(story, [...(byKey.get(story) ?? []), article]);
  }

  // Labels are shown whatever happens; links only where the other part really exists.
  for (const article of edition.articles) {
    const f = fieldsOf.get(article)!;
    for (const direction of ["from", "on"] as const) {
      const label = f[direction];
      if (!label) continue;
      const ref = parseLabel(label)!;
      const text = direction === "from" ? locale.continuedFrom(ref) : locale.continuedOn(ref);
      const field = direction === "from" ? "continued_from" : "continued_on";
      const target = findPage(edition, ref);
      let url: string | null = null;
      if (!target) {
        diagnostics.warn(article.file, `page ${label} is not in this edition: "${text}" is shown without a link`, {
          field,
        });
      } else if (target === article.page) {
        diagnostics.error(article.file, `the article continues on its own page ${label}: give the other page's label`, {
          field,
        });
      } else if (!f.story) {
        diagnostics.error(
          article.file,
          `a continued article needs a "story" key shared by all its parts (page ${label} is in this edition)`,
          { field: "story" },
        );
      } else {
        const other = target.articles.find((a) => fieldsOf.get(a)!.story === f.story);
        if (!other) {
          diagnostics.error(
            article.file,
            `story "${f.story}" has a part missing: no article on page ${label} has "story: ${f.story}"`,
            { field },
          );
        } else {
          url = other.url;
        }
      }
      const continuation = { text, printed: locale.printed(text), url };
      if (direction === "from") article.continuedFrom = continuation;
      else article.continuedOn = continuation;
    }
  }

  const stories: Story[] = [];
  for (const [key, parts] of byKey) {
    const ordered = orderParts(key, parts, fieldsOf, edition, diagnostics);
    if (!ordered) continue;
    const story: Story = {
      key,
      headline: ordered[0].headline,
      url: urls.story(edition.date, key),
      edition,
      parts: ordered,
    };
    for (const part of ordered) part.story = story;
    if (ordered.length > 1) stories.push(story);
  }
  return stories;
}

/** Follows continued_on from the first part; reports cycles and parts that do not chain. */
function orderParts(
  key: string,
  parts: Article[],
  fieldsOf: Map<Article, Continuations>,
  edition: Edition,
  diagnostics: Diagnostics,
): Article[] | null {
  if (parts.length === 1) return parts;
  const starts = parts.filter((p) => {
    const from = fieldsOf.get(p)!.from;
    return !from || !parts.some((q) => q.page === findPage(edition, parseLabel(from)!));
  });
  if (starts.length === 0) {
    diagnostics.error(
      parts[0].file,
      `story "${key}" goes round in a circle (${parts.map((p) => p.page.label).join(" → ")}): one part must be the first`,
      { field: "continued_from" },
    );
    return null;
  }
  if (starts.length > 1) {
    diagnostics.error(
      starts[1].file,
      `story "${key}" has two first parts (this one and ${starts[0].file}): add "continued_from" to the later part`,
      { field: "story" },
    );
    return null;
  }
  const ordered = [starts[0]];
  const seen = new Set(ordered);
  for (;;) {
    const on = fieldsOf.get(ordered[ordered.length - 1])!.on;
    if (!on) break;
    const next = parts.find((p) => p.page === findPage(edition, parseLabel(on)!));
    if (!next) break;
    if (seen.has(next)) {
      diagnostics.error(next.file, `story "${key}" goes round in a circle: check "continued_on" and "continued_from"`, {
        field: "continued_on",
      });
      return null;
    }
    ordered.push(next);
    seen.add(next);
  }
  for (const p of parts) {
    if (!seen.has(p)) {
      diagnostics.error(
        p.file,
        `story "${key}": this part is not reached from the first part on page ${starts[0].page.label}; check "continued_on"`,
        { field: "continued_from" },
      );
    }
  }
  return ordered;
}

function findPage(edition: Edition, ref: { letter: string; number: number }): Page | undefined {
  return edition.pages.find((p) => p.letter === ref.letter && p.number === ref.number);
}
