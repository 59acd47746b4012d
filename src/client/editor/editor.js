// The area editor of npm start's page view (served by src/desk/editor, never part of a built site): drag an
// area's vertices, add and remove them, draw an area for an article that has none, save to its article file.
// Every step works from the keyboard and is announced in a live region.
(function () {
  
  var dataNode = document.getElementById("banmian-editor");
  var frame = /** @type {HTMLElement} */ (document.querySelector(".replica-frame"));
  if (!dataNode || !frame) return;
  /** @type {{ secret: string, endpoint: string, strings: Record<string, string>, articles: { id: string, slug: string, headline: string, polygon: number[][] | null }[] }} */
  var data = JSON.parse(dataNode.textContent);
  var t = data.strings;
  var svgNs = "http://www.w3.org/2000/svg";
  var storeKey = "banmian-editor:" + location.pathname;
  // Arrow keys move a vertex by a thousandth of the page (what an area is written in), Shift by a hundredth.
  var step = 0.001, bigStep = 0.01;

  /** @type {Record<string, number[][] | null>} */
  var shapes = {};
  var editing = false, selected = null, vertex = -1, drawing = false, dirty = false;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) { return key in values ? String(values[key]) : whole; });
  }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var k in attrs) node.setAttribute(k, attrs[k]);
    if (text) node.textContent = text;
    return node;
  }
  function round(v) { return Math.round(Math.min(1, Math.max(0, v)) * 1000) / 1000; }
  function article(id) { return data.articles.filter(function (a) { return a.id === id; })[0]; }

  // The toolbar, the article list and the live region sit above the page image.
  var bar = el("div", { "class": "editor-bar", role: "toolbar", "aria-label": t.editorAreas });
  var toggle = el("button", { type: "button", "class": "editor-toggle", "aria-pressed": "false" }, t.editorEdit);
  var addButton = el("button", { type: "button", "data-action": "add" }, t.editorAddPoint);
  var removeButton = el("button", { type: "button", "data-action": "remove" }, t.editorRemovePoint);
  var drawButton = el("button", { type: "button", "data-action": "draw" }, t.editorDraw);
  var saveButton = el("button", { type: "button", "data-action": "save", "class": "editor-save" }, t.editorSave);
  var cancelButton = el("button", { type: "button", "data-action": "cancel" }, t.editorCancel);
  var tools = el("span", { "class": "editor-tools", hidden: "" });
  [addButton, removeButton, drawButton, saveButton, cancelButton].forEach(function (b) { tools.append(b); });
  bar.append(toggle, tools);
  var list = el("ul", { "class": "editor-list", hidden: "" });
  var help = el("p", { "class": "editor-help", id: "editor-help", hidden: "" }, t.editorHelp);
  var status = el("p", { "class": "editor-status", role: "status", "aria-live": "polite" });
  var figure = frame.parentElement;
  figure.insertBefore(bar, frame);
  figure.insertBefore(list, frame);
  figure.insertBefore(help, frame);
  figure.insertBefore(status, frame);

  // The editing layer: the areas as polygons, and each vertex of the selected one as a button over the image.
  var layer = /** @type {SVGSVGElement} */ (/** @type {unknown} */ (document.createElementNS(svgNs, "svg")));
  layer.setAttribute("class", "editor-layer");
  layer.setAttribute("viewBox", "0 0 1000 1000");
  layer.setAttribute("preserveAspectRatio", "none");
  layer.setAttribute("hidden", "");
  var handles = el("div", { "class": "editor-handles" });
  frame.append(layer, handles);

  function say(message) { status.textContent = message; }

  function reset() {
    data.articles.forEach(function (a) { shapes[a.id] = a.polygon ? a.polygon.map(function (p) { return [p[0], p[1]]; }) : null; });
    dirty = false;
  }

  function renderList() {
    list.textContent = "";
    data.articles.forEach(function (a) {
      var item = el("li");
      var button = el("button", { type: "button", "data-article": a.id, "aria-pressed": String(a.id === selected) },
        a.headline + (shapes[a.id] ? "" : " (" + t.editorNoArea + ")"));
      button.addEventListener("click", function () { select(a.id, true); });
      item.append(button);
      list.append(item);
    });
  }

  function render() {
    layer.textContent = "";
    data.articles.forEach(function (a) {
      var shape = shapes[a.id];
      if (!shape || shape.length === 0) return;
      var polygon = document.createElementNS(svgNs, "polygon");
      polygon.setAttribute("points", shape.map(function (p) { return p[0] * 1000 + "," + p[1] * 1000; }).join(" "));
      polygon.setAttribute("class", "editor-area" + (a.id === selected ? " selected" : ""));
      polygon.setAttribute("data-article", a.id);
      polygon.setAttribute("tabindex", "0");
      polygon.setAttribute("role", "button");
      polygon.setAttribute("aria-label", a.headline);
      polygon.addEventListener("click", function () { if (!drawing) select(a.id, false); });
      polygon.addEventListener("keydown", /** @param {KeyboardEvent} e */ function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); select(a.id, true); }
      });
      layer.append(polygon);
    });
    handles.textContent = "";
    var shape = selected && shapes[selected];
    if (shape) {
      shape.forEach(function (p, i) {
        var handle = el("button", {
          type: "button", "class": "vertex" + (i === vertex ? " current" : ""), "data-index": String(i),
          "aria-label": fill(t.editorPoint, { n: i + 1, count: shape.length, x: p[0].toFixed(3), y: p[1].toFixed(3) }),
          "aria-describedby": "editor-help",
        });
        handle.style.left = p[0] * 100 + "%";
        handle.style.top = p[1] * 100 + "%";
        handle.addEventListener("pointerdown", startDrag);
        handle.addEventListener("keydown", vertexKey);
        handle.addEventListener("focus", function () { vertex = i; });
        handles.append(handle);
      });
    }
    addButton.disabled = removeButton.disabled = !shape;
    saveButton.disabled = !shape || shape.length < 3;
    renderList();
  }

  function focusVertex(i) {
    var node = /** @type {HTMLElement} */ (handles.querySelector('[data-index="' + i + '"]'));
    if (node) node.focus();
  }

  function announceVertex() {
    var shape = shapes[selected];
    if (!shape || vertex < 0) return;
    var p = shape[vertex];
    say(fill(t.editorPoint, { n: vertex + 1, count: shape.length, x: p[0].toFixed(3), y: p[1].toFixed(3) }));
  }

  function select(id, focus) {
    selected = id;
    drawing = false;
    frame.classList.remove("drawing");
    vertex = shapes[id] ? 0 : -1;
    render();
    say(fill(t.editorSelected, { headline: article(id).headline }) + (shapes[id] ? "" : " · " + t.editorNoArea));
    if (focus && shapes[id]) focusVertex(0);
  }

  function setEditing(on) {
    editing = on;
    toggle.setAttribute("aria-pressed", String(on));
    toggle.textContent = on ? t.editorDone : t.editorEdit;
    tools.hidden = list.hidden = help.hidden = !on;
    layer.toggleAttribute("hidden", !on);
    handles.hidden = !on;
    frame.classList.toggle("editing", on);
    if (on) { reset(); render(); } else { selected = null; drawing = false; frame.classList.remove("drawing"); }
    sessionStorage.setItem(storeKey, JSON.stringify({ editing: on, selected: selected }));
  }

  /** Where a pointer event is, in fractions of the page. */
  function pointAt(e) {
    var box = frame.getBoundingClientRect();
    return [round((e.clientX - box.left) / box.width), round((e.clientY - box.top) / box.height)];
  }

  function startDrag(e) {
    var handle = /** @type {HTMLElement} */ (e.currentTarget);
    var i = Number(handle.getAttribute("data-index"));
    vertex = i;
    handle.setPointerCapture(e.pointerId);
    e.preventDefault();
    handle.focus();
    function move(ev) {
      shapes[selected][i] = pointAt(ev);
      dirty = true;
      handle.style.left = shapes[selected][i][0] * 100 + "%";
      handle.style.top = shapes[selected][i][1] * 100 + "%";
      var polygon = layer.querySelector('.selected');
      if (polygon) polygon.setAttribute("points", shapes[selected].map(function (p) { return p[0] * 1000 + "," + p[1] * 1000; }).join(" "));
    }
    function up() {
      handle.removeEventListener("pointermove", move);
      handle.removeEventListener("pointerup", up);
      render();
      focusVertex(i);
      announceVertex();
    }
    handle.addEventListener("pointermove", move);
    handle.addEventListener("pointerup", up);
  }

  function addVertex() {
    var shape = shapes[selected];
    if (!shape) return;
    var i = vertex < 0 ? shape.length - 1 : vertex;
    var a = shape[i], b = shape[(i + 1) % shape.length];
    shape.splice(i + 1, 0, [round((a[0] + b[0]) / 2), round((a[1] + b[1]) / 2)]);
    vertex = i + 1;
    dirty = true;
    render();
    focusVertex(vertex);
    announceVertex();
  }

  function removeVertex() {
    var shape = shapes[selected];
    if (!shape || shape.length <= 3 || vertex < 0) return;
    shape.splice(vertex, 1);
    vertex = Math.min(vertex, shape.length - 1);
    dirty = true;
    render();
    focusVertex(vertex);
    announceVertex();
  }

  function vertexKey(e) {
    var shape = shapes[selected];
    var moves = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    var d = moves[e.key];
    if (d) {
      var by = e.shiftKey ? bigStep : step;
      shape[vertex] = [round(shape[vertex][0] + d[0] * by), round(shape[vertex][1] + d[1] * by)];
      dirty = true;
      render();
      focusVertex(vertex);
      announceVertex();
    } else if (e.key === "]" || e.key === "[") {
      vertex = (vertex + (e.key === "]" ? 1 : shape.length - 1)) % shape.length;
      render();
      focusVertex(vertex);
      announceVertex();
    } else if (e.key === "+" || e.key === "Insert") addVertex();
    else if (e.key === "-" || e.key === "Delete" || e.key === "Backspace") removeVertex();
    else return;
    // The reader's script flips pages with the arrow keys: not while a vertex moves.
    e.preventDefault();
  }

  function startDrawing(byKeyboard) {
    if (!selected) return;
    vertex = -1;
    if (byKeyboard) {
      // Without a pointer, a new area starts as a square in the middle of the page, moved with the keys.
      shapes[selected] = [[0.4, 0.4], [0.6, 0.4], [0.6, 0.6], [0.4, 0.6]];
      vertex = 0;
      dirty = true;
      render();
      focusVertex(0);
      announceVertex();
      return;
    }
    shapes[selected] = [];
    drawing = true;
    frame.classList.add("drawing");
    render();
    say(t.editorDrawing);
  }

  frame.addEventListener("click", function (e) {
    if (!editing || !drawing || /** @type {Element} */ (e.target).closest(".vertex")) return;
    shapes[selected].push(pointAt(e));
    vertex = shapes[selected].length - 1;
    dirty = true;
    render();
    announceVertex();
  });

  function save() {
    var shape = shapes[selected];
    if (!shape || shape.length < 3) return;
    say(t.editorSaving);
    fetch(data.endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Banmian-Secret": data.secret },
      body: JSON.stringify({ article: selected, polygon: shape }),
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) { say(fill(t.editorRefused, { message: body.error })); return; }
        dirty = false;
        drawing = false;
        var message = fill(t.editorSaved, { file: body.file });
        say(message);
        // The dev server rebuilds the edition and live reload shows the new page; the editor comes back as it was.
        sessionStorage.setItem(storeKey, JSON.stringify({ editing: true, selected: selected, message: message }));
      });
    }, function (err) { say(fill(t.editorRefused, { message: String(err) })); });
  }

  /** Back to the areas as the article files have them. */
  function discard() {
    reset();
    drawing = false;
    frame.classList.remove("drawing");
    vertex = selected && shapes[selected] ? 0 : -1;
    render();
    say(t.editorCancel);
  }

  toggle.addEventListener("click", function () { setEditing(!editing); });
  addButton.addEventListener("click", addVertex);
  removeButton.addEventListener("click", removeVertex);
  drawButton.addEventListener("click", function (e) { startDrawing(e.detail === 0); });
  saveButton.addEventListener("click", save);
  cancelButton.addEventListener("click", discard);
  document.addEventListener("keydown", function (e) {
    if (!editing) return;
    if ((e.ctrlKey || e.metaKey) && e.key === "s") { e.preventDefault(); save(); }
    else if (e.key === "Escape") discard();
  });
  window.addEventListener("beforeunload", function (e) { if (dirty) e.preventDefault(); });

  var stored = JSON.parse(sessionStorage.getItem(storeKey) || "null");
  if (stored && stored.editing) {
    setEditing(true);
    if (stored.selected && article(stored.selected)) select(stored.selected, false);
    if (stored.message) say(stored.message);
    sessionStorage.setItem(storeKey, JSON.stringify({ editing: true, selected: stored.selected }));
  }
})();
