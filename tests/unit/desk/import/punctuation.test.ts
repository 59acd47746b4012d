// ASCII punctuation left in Chinese text by print systems and PDFs becomes full-width; numbers, Latin and URLs keep theirs.
import { describe, expect, it } from "vitest";
import { widenPunctuation } from "../../../../src/desk/import/punctuation.ts";

describe("widenPunctuation", () => {
  it.each([
    ["开展减证便民行动等,该县出台“8章61条”", "开展减证便民行动等，该县出台“8章61条”"],
    ["怎么办?我们说:干!", "怎么办？我们说：干！"],
    ["一是规划;二是建设", "一是规划；二是建设"],
    ['他说:"我们要做好。"然后', "他说：“我们要做好。”然后"],
    ["(记者 张三)本报讯", "（记者 张三）本报讯"],
    ["增长3,000元,达到10:30", "增长3,000元，达到10:30"],
    ["见 https://example.com/a,b?x=1 ,谢谢!", "见 https://example.com/a,b?x=1，谢谢！"],
  ])("%s → %s", (input, output) => {
    expect(widenPunctuation(input)).toBe(output);
  });

  it("leaves text without Chinese characters as it was", () => {
    const english = 'He said: "Yes, 3,000 (or more)!" See www.example.com/a?b=1.';
    expect(widenPunctuation(english)).toBe(english);
  });
});
