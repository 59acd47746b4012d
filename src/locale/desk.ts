// The night desk's strings, per locale: the proof sheet (npm run check -- --proof) and the area editor of
// npm start's page view (never part of a built site). Placeholders in braces are filled by fill().

export type DeskString =
  | "proofTitle"
  | "proofCounts"
  | "proofWithoutArea"
  | "proofOverlaps"
  | "proofDangling"
  | "proofProblems"
  | "proofNoProblems"
  | "proofError"
  | "proofWarning"
  | "proofEditionProblems"
  | "proofOtherProblems"
  | "proofNoImage"
  | "editorEdit"
  | "editorDone"
  | "editorSave"
  | "editorCancel"
  | "editorAddPoint"
  | "editorRemovePoint"
  | "editorDraw"
  | "editorHelp"
  | "editorSelected"
  | "editorPoint"
  | "editorSaved"
  | "editorSaving"
  | "editorRefused"
  | "editorNoArea"
  | "editorDrawing"
  | "editorAreas";

const zhCN: Record<DeskString, string> = {
  proofTitle: "校样",
  proofCounts:
    "{editions} 期 · {pages} 个版面 · {articles} 篇文章 · {errors} 个错误 · {warnings} 个警告 · {withoutArea} 篇没有区域 · {overlaps} 处区域重叠 · {dangling} 处接续版面不在本期",
  proofWithoutArea: "没有区域的文章",
  proofOverlaps: "区域重叠",
  proofDangling: "该版不在本期",
  proofProblems: "问题",
  proofNoProblems: "本版没有问题",
  proofError: "错误",
  proofWarning: "警告",
  proofEditionProblems: "本期的问题",
  proofOtherProblems: "其他问题",
  proofNoImage: "本版没有版面图",
  editorEdit: "编辑区域",
  editorDone: "结束编辑",
  editorSave: "保存区域",
  editorCancel: "放弃修改",
  editorAddPoint: "加点",
  editorRemovePoint: "删点",
  editorDraw: "画新区域",
  editorAreas: "区域",
  editorHelp:
    "选择区域后：[ 和 ] 选顶点，方向键移动（Shift 步长加大），+ 或 Insert 加点，- 或 Delete 删点，Ctrl+S 保存，Esc 放弃。",
  editorSelected: "已选：{headline}",
  editorPoint: "顶点 {n}/{count}：x {x}，y {y}",
  editorSaved: "已保存 {file}",
  editorSaving: "正在保存…",
  editorRefused: "未保存：{message}",
  editorNoArea: "无区域",
  editorDrawing: "在版面上点击放置顶点（至少三个），然后保存",
};

const en: Record<DeskString, string> = {
  proofTitle: "Proof",
  // Counts as "label: n", so that 1 and 2 read the same without plural rules.
  proofCounts:
    "editions: {editions} · pages: {pages} · articles: {articles} · errors: {errors} · warnings: {warnings} · without an area: {withoutArea} · overlaps: {overlaps} · continued to a page not in the edition: {dangling}",
  proofWithoutArea: "Articles without an area",
  proofOverlaps: "Areas overlap",
  proofDangling: "that page is not in this edition",
  proofProblems: "Problems",
  proofNoProblems: "No problems on this page",
  proofError: "error",
  proofWarning: "warning",
  proofEditionProblems: "This edition's problems",
  proofOtherProblems: "Other problems",
  proofNoImage: "No image of this page",
  editorEdit: "Edit areas",
  editorDone: "Stop editing",
  editorSave: "Save area",
  editorCancel: "Discard changes",
  editorAddPoint: "Add point",
  editorRemovePoint: "Remove point",
  editorDraw: "Draw new area",
  editorAreas: "Areas",
  editorHelp:
    "With an area selected: [ and ] pick a point, arrow keys move it (Shift: larger steps), + or Insert adds a point, - or Delete removes it, Ctrl+S saves, Esc discards.",
  editorSelected: "Selected: {headline}",
  editorPoint: "Point {n} of {count}: x {x}, y {y}",
  editorSaved: "Saved {file}",
  editorSaving: "Saving…",
  editorRefused: "Not saved: {message}",
  editorNoArea: "no area",
  editorDrawing: "Click the page to place points (at least three), then save",
};

const desk: Record<string, Record<DeskString, string>> = { "zh-CN": zhCN, en };

/** The desk strings of a locale tag (as getLocale takes it). */
export function deskStrings(lang: string): Record<DeskString, string> {
  return desk[lang] ?? desk[lang.split("-")[0]] ?? en;
}

/** "{n} of {count}" with the values put in. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
