// 朗读: reads the article (or the whole story) aloud with the Web Speech API, sentence by sentence, the sentence being
// read highlighted; at the end of a part it fetches the next part of the story and reads on. Loaded on first use.

/** Blocks read aloud, in order: the headline, then the body's paragraphs and subheads. */
function blocksOf(root) {
  return Array.prototype.slice.call(root.querySelectorAll(".headline, .body p, .body h2, .body h3"));
}

/** A block's sentences as [start, end) offsets into its text: cut after 。！？!? and ；, keeping closing quotes. */
function sentences(text) {
  var found = [];
  var pattern = /[^。！？!?；;]+[。！？!?；;]*[”’」』）)]*|[。！？!?；;]+/g;
  var m;
  while ((m = pattern.exec(text))) if (m[0].trim()) found.push([m.index, m.index + m[0].length]);
  return found;
}

/** Offsets [start, end) of the block's continuation lines in its text. */
function continuationsOf(block) {
  var found = [];
  var walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  var seen = 0, node;
  while ((node = walker.nextNode())) {
    var length = node.nodeValue.length;
    if (node.parentElement.closest(".continuation")) found.push([seen, seen + length]);
    seen += length;
  }
  return found;
}

/** A DOM Range over [start, end) of an element's text. */
function rangeOf(element, start, end) {
  var walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  var range = document.createRange();
  var seen = 0, node, begun = false;
  while ((node = walker.nextNode())) {
    var length = node.nodeValue.length;
    if (!begun && start < seen + length) { range.setStart(node, start - seen); begun = true; }
    if (begun && end <= seen + length) { range.setEnd(node, end - seen); return range; }
    seen += length;
  }
  return range;
}

/** The next part of the story, fetched and shown after this one, so reading goes on into it. */
function fetchNextPart(root) {
  var link = /** @type {HTMLAnchorElement | null} */ (root.querySelector(".continued-on a"));
  if (!link || document.querySelector(".read-next")) return Promise.resolve(null);
  return fetch(link.href).then(function (r) { return r.text(); }).then(function (html) {
    var next = new DOMParser().parseFromString(html, "text/html");
    var body = next.querySelector("article .body");
    if (!body) return null;
    var part = document.createElement("section");
    part.className = "story-part read-next";
    var label = document.createElement("p");
    label.className = "part-page";
    var back = document.createElement("a");
    back.href = link.href;
    back.textContent = link.textContent;
    label.appendChild(back);
    part.appendChild(label);
    part.appendChild(document.importNode(body, true));
    root.appendChild(part);
    return part;
  });
}

/**
 * Sets the button up as play / pause for the article element's text. Returns the first read's promise (for tests);
 * highlights with the CSS Custom Highlight API, which leaves the text's markup alone.
 */
export function setUpReadAloud(button, article) {
  var synth = window.speechSynthesis;
  var highlights = /** @type {any} */ (window.CSS).highlights;
  var label = button.textContent;
  var queue = [];
  var playing = false;
  var started = false;

  function voice() {
    var lang = document.documentElement.lang.toLowerCase();
    var voices = synth.getVoices();
    return voices.find(function (v) { return v.lang.toLowerCase().replace("_", "-") === lang; }) ||
      voices.find(function (v) { return v.lang.toLowerCase().indexOf(lang.split("-")[0]) === 0; }) || null;
  }

  function enqueue(root) {
    blocksOf(root).forEach(function (block) {
      var text = block.textContent;
      var skip = continuationsOf(block);
      sentences(text).forEach(function (s) {
        // Continuation lines (（下转第三版）) are links for the eye; reading goes on into the next part instead.
        var start = s[0], end = s[1];
        skip.forEach(function (c) {
          if (c[0] <= start && c[1] > start) start = Math.min(c[1], end);
          if (c[0] < end && c[1] >= end) end = Math.max(c[0], start);
        });
        var spoken = text.slice(start, end).trim();
        if (spoken) queue.push({ block: block, start: start, end: end, text: spoken });
      });
    });
  }

  function show(item) {
    if (!highlights) return;
    if (!item) { highlights.delete("read-aloud"); return; }
    var range = rangeOf(item.block, item.start, item.end);
    highlights.set("read-aloud", new (/** @type {any} */ (window).Highlight)(range));
    var still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    item.block.scrollIntoView({ block: "nearest", behavior: still ? "auto" : "smooth" });
  }

  function speakNext() {
    var item = queue.shift();
    if (!item) {
      return fetchNextPart(article).then(function (part) {
        if (part) { enqueue(part); speakNext(); } else finish();
      }, finish);
    }
    show(item);
    var utterance = new SpeechSynthesisUtterance(item.text);
    utterance.lang = document.documentElement.lang;
    var chosen = voice();
    if (chosen) utterance.voice = chosen;
    utterance.onend = function () { if (started) speakNext(); };
    utterance.onerror = finish;
    synth.speak(utterance);
  }

  function finish() {
    started = playing = false;
    show(null);
    button.textContent = label;
    button.setAttribute("aria-pressed", "false");
  }

  button.addEventListener("click", function () {
    if (!started) {
      started = playing = true;
      queue = [];
      enqueue(article);
      speakNext();
    } else if (playing) {
      playing = false;
      synth.pause();
    } else {
      playing = true;
      synth.resume();
    }
    button.textContent = !playing ? button.getAttribute("data-resume") : button.getAttribute("data-pause");
    button.setAttribute("aria-pressed", String(playing));
  });
  window.addEventListener("pagehide", function () { if (started) { started = false; synth.cancel(); } });
}
