// Every UI string and every date and page-label format, per locale, in one place.
import { DateTime } from "luxon";

export interface PageRef {
  /** Section letter for papers printed in sections ("A"), or "" */
  letter: string;
  /** The printed page number within its section */
  number: number;
}

export interface Locale {
  lang: string;
  /** 2022年9月2日 星期五 */
  editionDate(isoDate: string, timeZone: string): string;
  /** 2022年9月 */
  monthTitle(year: number, month: number): string;
  yearTitle(year: number): string;
  weekdaysShort: string[];
  /** 第二版 / A3版 / page A3 */
  pageName(page: PageRef): string;
  /** 02版：综合 */
  pageStripLabel(label: string, section: string): string;
  continuedOn(page: PageRef): string;
  continuedFrom(page: PageRef): string;
  /** A continuation line as printed: （下转第三版） / (Continued on page A4) */
  printed(text: string): string;
  issueNumber(n: number): string;
  /** A correction's time: 2024年5月6日 09:30 / May 6, 2024, 09:30 */
  dateTime(iso: string, timeZone: string): string;
  /** Labels of the open data: IIIF manifests and ranges, feeds, the OpenSearch description */
  openData: OpenDataLabels;
  strings: Record<UiString, string>;
}

export interface OpenDataLabels {
  /** 示例日报 2022年9月2日 星期五 */
  editionTitle(paper: string, dateLabel: string): string;
  /** The range of a continued story, beside its parts' own ranges */
  wholeStory(headline: string): string;
  sectionFeed(paper: string, section: string): string;
  columnFeed(paper: string, column: string): string;
  searchTitle(paper: string): string;
  searchDescription(paper: string): string;
}

export type UiString =
  | "skipToContent"
  | "edition"
  | "pages"
  | "page"
  | "articles"
  | "previousPage"
  | "nextPage"
  | "previousEdition"
  | "nextEdition"
  | "previousArticle"
  | "nextArticle"
  | "archive"
  | "search"
  | "downloadPdf"
  | "backToPage"
  | "fullStory"
  | "storyParts"
  | "noScan"
  | "home"
  | "figure"
  | "latestEdition"
  | "pageImageAlt"
  | "zoom"
  | "originalLayout"
  | "searchPlaceholder"
  | "searchButton"
  | "searchNoScript"
  | "editionOverview"
  | "articlesOnPage"
  | "allEditions"
  | "saveOffline"
  | "showReplica"
  | "feed"
  | "part"
  | "offlineSaving"
  | "offlineSaved"
  | "offlineFailed"
  | "zoomClose"
  | "correction"
  | "corrections"
  | "withdrawn"
  | "withdrawnNote"
  | "colon"
  | "searchSort"
  | "searchNewest"
  | "searchOldest"
  | "searchRelevance"
  | "searchYear"
  | "searchMonth"
  | "searchMonthName"
  | "searchSection"
  | "searchColumn"
  | "searchAny"
  | "searchHint"
  | "searchShowing"
  | "searchPrevious"
  | "searchNext"
  | "searchPages"
  | "searching"
  | "searchNone"
  | "searchCount"
  | "searchError"
  | "readingSettings"
  | "textSize"
  | "sizeSmall"
  | "sizeNormal"
  | "sizeLarge"
  | "sizeLarger"
  | "lineSpacing"
  | "spacingTight"
  | "spacingNormal"
  | "spacingLoose"
  | "elderMode"
  | "traditional"
  | "simplified"
  | "readAloud"
  | "pauseReading"
  | "resumeReading"
  | "print"
  | "copyLink"
  | "linkCopied"
  | "shareQr"
  | "articleLink"
  | "removeOffline"
  | "offlineRemoved"
  | "offlineUpdated"
  | "hitOnPage"
  | "downloadEditionPdf"
  | "downloadEpub"
  | "printedIn";

const chineseDigits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 12 → 十二, 24 → 二十四, 105 → 一百零五 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) return String(n);
  if (n < 10) return chineseDigits[n];
  if (n < 20) return `十${n % 10 ? chineseDigits[n % 10] : ""}`;
  if (n < 100) return `${chineseDigits[Math.floor(n / 10)]}十${n % 10 ? chineseDigits[n % 10] : ""}`;
  const rest = n % 100;
  const head = `${chineseDigits[Math.floor(n / 100)]}百`;
  if (rest === 0) return head;
  return rest < 10 ? `${head}零${chineseDigits[rest]}` : `${head}${rest < 20 ? "一" : ""}${chineseNumeral(rest)}`;
}

function zhPageName(page: PageRef): string {
  return page.letter ? `${page.letter}${page.number}版` : `第${chineseNumeral(page.number)}版`;
}

export const zhCN: Locale = {
  lang: "zh-CN",
  editionDate: (iso, zone) => DateTime.fromISO(iso, { zone }).setLocale("zh-CN").toFormat("yyyy年M月d日 cccc"),
  monthTitle: (y, m) => `${y}年${m}月`,
  yearTitle: (y) => `${y}年`,
  weekdaysShort: ["一", "二", "三", "四", "五", "六", "日"],
  pageName: zhPageName,
  pageStripLabel: (label, section) => `${label}版：${section}`,
  continuedOn: (p) => `下转${zhPageName(p)}`,
  continuedFrom: (p) => `上接${zhPageName(p)}`,
  printed: (text) => `（${text}）`,
  issueNumber: (n) => `总第${n}期`,
  dateTime: (iso, zone) => DateTime.fromISO(iso, { zone }).setLocale("zh-CN").toFormat("yyyy年M月d日 HH:mm"),
  openData: {
    editionTitle: (paper, date) => `${paper} ${date}`,
    wholeStory: (headline) => `${headline}（全文）`,
    sectionFeed: (paper, section) => `${paper} · ${section}版`,
    columnFeed: (paper, column) => `${paper} · 栏目：${column}`,
    searchTitle: (paper) => `${paper}`,
    searchDescription: (paper) => `搜索${paper}的文章`,
  },
  strings: {
    correction: "更正",
    corrections: "本期更正",
    withdrawn: "本文已撤回",
    withdrawnNote: "这篇文章已从本报网站撤下。",
    colon: "：",
    skipToContent: "跳到正文",
    edition: "本期",
    pages: "版面导航",
    page: "版面",
    articles: "文章",
    previousPage: "上一版",
    nextPage: "下一版",
    previousEdition: "上一期",
    nextEdition: "下一期",
    previousArticle: "上一篇",
    nextArticle: "下一篇",
    archive: "往期回顾",
    search: "搜索",
    downloadPdf: "下载本版PDF",
    backToPage: "返回版面",
    fullStory: "阅读全文（合并各版）",
    storyParts: "本文分布",
    noScan: "本版暂无版面图",
    home: "首页",
    figure: "图片",
    latestEdition: "最新一期",
    pageImageAlt: "版面图",
    zoom: "放大版面",
    originalLayout: "版面原貌",
    searchPlaceholder: "输入关键词",
    searchButton: "搜索",
    searchNoScript: "搜索需要启用 JavaScript；也可以从往期回顾按日期浏览。",
    editionOverview: "本期导读",
    articlesOnPage: "本版文章",
    allEditions: "全部期数",
    saveOffline: "离线阅读",
    showReplica: "查看版面图",
    feed: "订阅",
    part: "部分",
    searchSort: "排序",
    searchNewest: "最新在前",
    searchOldest: "最早在前",
    searchRelevance: "相关度",
    searchYear: "年份",
    searchMonth: "月份",
    searchMonthName: "{n}月",
    searchSection: "版名",
    searchColumn: "栏目",
    searchAny: "不限",
    searchHint: '多个词用空格隔开；加引号（"…"）搜索完整短语。繁体输入亦可。',
    searchShowing: "第 {from}–{to} 篇",
    searchPrevious: "上一页",
    searchNext: "下一页",
    searchPages: "搜索结果分页",
    searching: "正在搜索…",
    searchNone: "没有找到相关文章。",
    searchCount: "找到 {n} 篇文章",
    searchError: "搜索没有完成：无法载入搜索索引，请检查网络后再试。",
    offlineSaving: "正在保存本期…",
    offlineSaved: "本期已保存，断网也能阅读",
    offlineFailed: "保存失败，请稍后再试",
    zoomClose: "收起放大图",
    readingSettings: "阅读设置",
    textSize: "字号",
    sizeSmall: "小",
    sizeNormal: "标准",
    sizeLarge: "大",
    sizeLarger: "特大",
    lineSpacing: "行距",
    spacingTight: "紧凑",
    spacingNormal: "标准",
    spacingLoose: "宽松",
    elderMode: "长辈版（大字、高对比）",
    traditional: "繁體",
    simplified: "简体",
    readAloud: "朗读",
    pauseReading: "暂停朗读",
    resumeReading: "继续朗读",
    print: "打印",
    copyLink: "复制链接",
    linkCopied: "链接已复制",
    shareQr: "手机扫码阅读本文",
    articleLink: "本文链接",
    removeOffline: "删除离线副本",
    offlineRemoved: "已删除本期的离线副本",
    offlineUpdated: "离线副本已更新为最新版本",
    hitOnPage: "在版面上查看",
    downloadEditionPdf: "下载本期PDF（含书签）",
    downloadEpub: "下载本期电子书（EPUB）",
    printedIn: "刊于",
  },
};

function enPageName(page: PageRef): string {
  return `page ${page.letter}${page.number}`;
}

export const en: Locale = {
  lang: "en",
  editionDate: (iso, zone) => DateTime.fromISO(iso, { zone }).setLocale("en").toFormat("cccc, MMMM d, yyyy"),
  monthTitle: (y, m) => DateTime.fromObject({ year: y, month: m }).setLocale("en").toFormat("MMMM yyyy"),
  yearTitle: (y) => String(y),
  weekdaysShort: ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"],
  pageName: enPageName,
  pageStripLabel: (label, section) => `${label} ${section}`,
  continuedOn: (p) => `Continued on ${enPageName(p)}`,
  continuedFrom: (p) => `Continued from ${enPageName(p)}`,
  printed: (text) => `(${text})`,
  issueNumber: (n) => `No. ${n}`,
  dateTime: (iso, zone) => DateTime.fromISO(iso, { zone }).setLocale("en").toFormat("MMMM d, yyyy, HH:mm"),
  openData: {
    editionTitle: (paper, date) => `${paper}, ${date}`,
    wholeStory: (headline) => `${headline} (whole story)`,
    sectionFeed: (paper, section) => `${paper}: ${section}`,
    columnFeed: (paper, column) => `${paper}: ${column}`,
    searchTitle: (paper) => paper,
    searchDescription: (paper) => `Search the articles of ${paper}`,
  },
  strings: {
    correction: "Correction",
    corrections: "Corrections in this edition",
    withdrawn: "This article has been withdrawn",
    withdrawnNote: "This article has been taken off the paper's website.",
    colon: ": ",
    skipToContent: "Skip to content",
    edition: "Edition",
    pages: "Pages",
    page: "Page",
    articles: "Articles",
    previousPage: "Previous page",
    nextPage: "Next page",
    previousEdition: "Previous edition",
    nextEdition: "Next edition",
    previousArticle: "Previous article",
    nextArticle: "Next article",
    archive: "Archive",
    search: "Search",
    downloadPdf: "Download page PDF",
    backToPage: "Back to the page",
    fullStory: "Read the whole story",
    storyParts: "This story",
    noScan: "No scan of this page",
    home: "Home",
    figure: "Figure",
    latestEdition: "Latest edition",
    pageImageAlt: "Page scan",
    zoom: "Zoom",
    originalLayout: "As printed",
    searchPlaceholder: "Search words",
    searchButton: "Search",
    searchNoScript: "Search needs JavaScript; the archive lists every edition by date.",
    editionOverview: "In this edition",
    articlesOnPage: "On this page",
    allEditions: "All editions",
    saveOffline: "Save for offline reading",
    showReplica: "Show the page",
    feed: "Feed",
    part: "part",
    searchSort: "Sort",
    searchNewest: "Newest first",
    searchOldest: "Oldest first",
    searchRelevance: "Relevance",
    searchYear: "Year",
    searchMonth: "Month",
    searchMonthName: "{n}",
    searchSection: "Section",
    searchColumn: "Column",
    searchAny: "Any",
    searchHint: 'Words separated by spaces are all looked for; put a phrase in quotes ("…") to find it as written.',
    searchShowing: "{from}–{to}",
    searchPrevious: "Previous",
    searchNext: "Next",
    searchPages: "Result pages",
    searching: "Searching…",
    searchNone: "No articles found.",
    searchCount: "{n} articles found",
    searchError: "Search could not finish: the search index did not load. Check the connection and try again.",
    offlineSaving: "Saving this edition…",
    offlineSaved: "Saved: this edition can be read offline",
    offlineFailed: "Could not save; try again later",
    zoomClose: "Close zoom",
    readingSettings: "Reading settings",
    textSize: "Text size",
    sizeSmall: "Small",
    sizeNormal: "Normal",
    sizeLarge: "Large",
    sizeLarger: "Larger",
    lineSpacing: "Line spacing",
    spacingTight: "Compact",
    spacingNormal: "Normal",
    spacingLoose: "Loose",
    elderMode: "Large type, high contrast",
    traditional: "繁體",
    simplified: "简体",
    readAloud: "Read aloud",
    pauseReading: "Pause",
    resumeReading: "Resume",
    print: "Print",
    copyLink: "Copy link",
    linkCopied: "Link copied",
    shareQr: "Scan to read on a phone",
    articleLink: "Link to this article",
    removeOffline: "Remove the saved copy",
    offlineRemoved: "The saved copy of this edition was removed",
    offlineUpdated: "The saved copy was updated to the latest version",
    hitOnPage: "Show on the page",
    downloadEditionPdf: "Download the edition (PDF with bookmarks)",
    downloadEpub: "Download the edition (EPUB)",
    printedIn: "Printed in",
  },
};

const locales: Record<string, Locale> = { "zh-CN": zhCN, en };

export function getLocale(tag: string): Locale {
  const locale = locales[tag] ?? locales[tag.split("-")[0]];
  if (!locale) throw new Error(`unknown locale "${tag}": choose one of ${Object.keys(locales).join(", ")}`);
  return locale;
}
