// Recognises who wrote and where from: bylines (记者 X 通讯员 Y), datelines (本报讯), and photo credits (记者 X 摄).
import { squeezeSpaces } from "./sentences.ts";

const HAN = "\\p{Script=Han}";
/** A person's name: 2–4 characters, or a transcribed name with a middle dot (阿依古丽·买买提). */
const NAME = `(?:[${HAN}]{2,4}|[${HAN}]{1,6}·[${HAN}]{1,8})`;
const ROLE = "(?:(?:本报|特约|见习|实习|首席|摄影|驻[\\p{Script=Han}]{1,4})?(?:记者|通讯员|评论员)|实习生)";
const CREDIT = "(?:文/图|图/文|文|图|摄影|摄)";

const roleToken = new RegExp(`^(?:${ROLE}|${CREDIT})$`, "u");
const roleNameToken = new RegExp(`^${ROLE}${NAME}$`, "u");
const nameToken = new RegExp(`^${NAME}$`, "u");
const nameCreditToken = new RegExp(`^(?:${NAME}/(?:文|图|摄)|(?:文|图)/${NAME}|${NAME}摄)$`, "u");

/** Decorations that papers print before a byline: □ 记者 张三, ■ 李四. */
const DECORATION = /^[□■◇◆●○★☆◎▲△▼▽•◉]+\s*/u;

function stripBrackets(text: string): string {
  const match = /^[(（](.*)[)）]$/u.exec(text);
  return match ? match[1].trim() : text;
}

/** Splits a byline into its words: names may be listed with 、 as well as spaces. */
function tokens(text: string): string[] {
  return text.split(/[\s、]+/u).filter(Boolean);
}

function isRole(word: string): boolean {
  return roleToken.test(word) || roleNameToken.test(word) || nameCreditToken.test(word);
}

/** A name, and not a role that happens to be two characters long (记者). */
function isName(word: string): boolean {
  return nameToken.test(word) && !roleToken.test(word);
}

/**
 * Whether a text is only roles, names and credits, led by a role (记者 韩志刚 文/图) or names followed by a
 * credit (张三 李四 文/图). A caption with its credit (路面整修 记者 韩志刚 摄) is neither.
 */
function isBylineText(text: string): boolean {
  const words = tokens(text);
  if (words.length === 0 || words.length > 12) return false;
  if (!words.every((word) => isRole(word) || isName(word))) return false;
  if (isRole(words[0])) return true;
  return words.length > 1 && roleToken.test(words.at(-1)!) && words.slice(0, -1).every(isName);
}

/** A line that is a byline: 记者 马月红 通讯员 宗贝贝, □本报记者 张三, （记者 李四）. Returns it tidied. */
export function bylineLine(line: string): string | undefined {
  const text = stripBrackets(line.replace(DECORATION, "").trim());
  if (text.length > 60 || !isBylineText(text)) return undefined;
  return squeezeSpaces(text);
}

/** A bare author's name, as printed under a commentary's headline (张三, □ 张三). */
export function bareName(line: string): { name: string; decorated: boolean } | undefined {
  const decorated = DECORATION.test(line);
  const text = line.replace(DECORATION, "").trim();
  return new RegExp(`^${NAME}$`, "u").test(text) ? { name: text, decorated } : undefined;
}

// 本报讯, 本报郑州9月1日讯, 新华社北京9月1日电. What stands between 本报 and 讯 is a place and a date, never a sentence.
const DATELINE = new RegExp(`^(?:本报|新华社|中新社|中新网|人民网|新华网|央视网)([${HAN}0-9]{0,12}?)(?:讯|电)`, "u");

function matchDateline(text: string): string | undefined {
  const match = DATELINE.exec(text);
  if (!match) return undefined;
  // "本报记者从市通讯管理局获悉" must not read as a dateline: with a place between, something must follow that ends it.
  const next = text.slice(match[0].length);
  if (match[1] && next && !/^(?:[\s(（【*]|(?:本报|特约|见习)?(?:记者|通讯员))/u.test(next)) return undefined;
  return match[0];
}

export interface Dateline {
  dateline: string;
  byline?: string;
  text: string;
  /** Set when a byline seemed to follow the dateline but could not be told apart from the text. */
  unclear?: boolean;
}

/** Takes a dateline and its byline off the start of a first paragraph: **本报讯**(记者 韩志刚 文/图)为贯彻…… */
export function takeDateline(paragraph: string): Dateline | undefined {
  let dateline: string | undefined;
  let rest: string;
  const bold = /^\*\*(.+?)\*\*/u.exec(paragraph);
  if (bold && (dateline = matchDateline(bold[1]))) {
    rest = bold[1].slice(dateline.length) + paragraph.slice(bold[0].length);
  } else if ((dateline = matchDateline(paragraph))) {
    rest = paragraph.slice(dateline.length);
  } else {
    return undefined;
  }
  // 本报讯：… — a colon after the dateline is punctuation, not text.
  rest = rest.replace(/^[\s:：]+/u, "");

  const bracket = /^[(（]([^()（）]*)[)）]/u.exec(rest);
  if (bracket && isBylineText(bracket[1].trim())) {
    return { dateline, byline: squeezeSpaces(bracket[1]), text: rest.slice(bracket[0].length).trim() };
  }

  // 本报讯 记者 张三 通讯员 李四 9月1日…: the byline's words are separated by spaces, the text follows the last one.
  const words = rest.split(/(\s+)/u);
  const first = words[0] ?? "";
  if (!isRole(first)) {
    return { dateline, text: rest.trim() };
  }
  const byline: string[] = [];
  let i = 0;
  for (; i < words.length - 1; i += 2) {
    const word = words[i];
    if (!isRole(word) && !isName(word)) break;
    byline.push(word);
  }
  const text = words.slice(i).join("").trim();
  const named = byline.some((w) => !roleToken.test(w));
  if (!named || !text) return { dateline, text: rest.trim(), unclear: true };
  return { dateline, byline: byline.join(" "), text };
}

const PHOTO_CREDIT = new RegExp(
  `^(.*?[\\s。！？!?”」』)）.])\\s*[(（]?((?:${ROLE}\\s*)?${NAME}(?:[\\s、]+${NAME})*\\s*(?:摄影|摄|供图))[)）]?$`,
  "u",
);

/** Splits a caption from the credit printed at its end: "……更便捷。 记者 刘俊涛 摄". */
export function splitCredit(caption: string): { caption: string; credit?: string } {
  const match = PHOTO_CREDIT.exec(caption.trim());
  if (!match || !match[1].trim()) return { caption: caption.trim() };
  return { caption: match[1].trim(), credit: squeezeSpaces(match[2]) };
}
