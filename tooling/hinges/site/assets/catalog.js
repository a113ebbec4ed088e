/*
 * hinges catalog: filters for the decision table (#hinges-catalog), and zoom and drag
 * for the relation graph (.hinges-graph-view).
 *
 * The page is a complete plain table without this script. With it, the placeholder
 * #hinges-filters receives five selects (door, status, owner, tenet, tag) and a text box,
 * and a sixth (repository) in an organisation catalog, whose rows carry data-source;
 * filters combine with AND, non-matching rows get row.hidden, #hinges-count says
 * "N of M decisions", and the state lives in the query string (?door=one-way&q=postgres)
 * so a filtered view can be linked. No network, no dependencies, no innerHTML: record
 * values only ever reach the page through textContent and option values.
 */
(function () {
  "use strict";

  // name: query parameter and select suffix; attribute: the row's data-* key;
  // list: whether the attribute holds several space-separated values; optional: shown
  // only when some row carries the attribute.
  const FILTERS = [
    {
      name: "source",
      attribute: "source",
      label: "Repository",
      all: "All repositories",
      list: false,
      optional: true,
    },
    { name: "door", attribute: "door", label: "Door", all: "All doors", list: false },
    { name: "status", attribute: "status", label: "Status", all: "All statuses", list: false },
    { name: "owner", attribute: "owner", label: "Owner", all: "All owners", list: false },
    { name: "tenet", attribute: "tenets", label: "Tenet", all: "All tenets", list: true },
    { name: "tag", attribute: "tags", label: "Tag", all: "All tags", list: true },
  ];
  const TEXT_PARAMETER = "q";

  function valuesOf(row, filter) {
    const raw = row.dataset[filter.attribute] || "";
    if (!filter.list) {
      return raw ? [raw] : [];
    }
    return raw.split(/\s+/).filter(Boolean);
  }

  function distinctValues(rows, filter) {
    const seen = new Set();
    rows.forEach(function (row) {
      valuesOf(row, filter).forEach(function (value) {
        seen.add(value);
      });
    });
    return Array.from(seen).sort();
  }

  function words(text) {
    return text.toLowerCase().split(/\s+/).filter(Boolean);
  }

  function control(container, id, labelText, element) {
    const wrapper = document.createElement("span");
    wrapper.className = "hinges-filter";
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = labelText;
    element.id = id;
    wrapper.appendChild(label);
    wrapper.appendChild(element);
    container.appendChild(wrapper);
    return element;
  }

  function buildSelect(container, filter, rows) {
    const select = document.createElement("select");
    const all = document.createElement("option");
    all.value = "";
    all.textContent = filter.all;
    select.appendChild(all);
    distinctValues(rows, filter).forEach(function (value) {
      const option = document.createElement("option");
      option.value = value;
      option.textContent = value;
      select.appendChild(option);
    });
    return control(container, "hinges-filter-" + filter.name, filter.label, select);
  }

  function hasOption(select, value) {
    return Array.from(select.options).some(function (option) {
      return option.value === value;
    });
  }

  function rowMatches(row, state) {
    for (let i = 0; i < state.filters.length; i += 1) {
      const wanted = state.selects[i].value;
      if (wanted && valuesOf(row, state.filters[i]).indexOf(wanted) === -1) {
        return false;
      }
    }
    const text = (row.dataset.text || "").toLowerCase();
    return words(state.text.value).every(function (word) {
      return text.indexOf(word) !== -1;
    });
  }

  function saveToUrl(state) {
    const url = new URL(window.location.href);
    state.filters.forEach(function (filter, i) {
      const value = state.selects[i].value;
      if (value) {
        url.searchParams.set(filter.name, value);
      } else {
        url.searchParams.delete(filter.name);
      }
    });
    // Words as typed (case kept), one space apart: a tidy link that filters the same.
    const text = state.text.value.split(/\s+/).filter(Boolean).join(" ");
    if (text) {
      url.searchParams.set(TEXT_PARAMETER, text);
    } else {
      url.searchParams.delete(TEXT_PARAMETER);
    }
    if (url.href !== window.location.href) {
      // replaceState keeps history clean while typing and keeps material's own state.
      window.history.replaceState(window.history.state, "", url.href);
    }
  }

  function restoreFromUrl(state) {
    const parameters = new URLSearchParams(window.location.search);
    state.filters.forEach(function (filter, i) {
      const value = parameters.get(filter.name);
      if (value !== null && hasOption(state.selects[i], value)) {
        state.selects[i].value = value;
      }
    });
    state.text.value = parameters.get(TEXT_PARAMETER) || "";
  }

  function apply(state) {
    let shown = 0;
    state.rows.forEach(function (row) {
      const visible = rowMatches(row, state);
      row.hidden = !visible;
      if (visible) {
        shown += 1;
      }
    });
    if (state.count) {
      const noun = state.rows.length === 1 ? " decision" : " decisions";
      state.count.textContent = shown + " of " + state.rows.length + noun;
    }
    return shown;
  }

  function enhance() {
    const table = document.getElementById("hinges-catalog");
    const container = document.getElementById("hinges-filters");
    if (!table || !container || container.dataset.hingesReady === "true") {
      return;
    }
    container.dataset.hingesReady = "true";
    const rows = Array.from(table.querySelectorAll("tbody tr.hinges-row"));
    const filters = FILTERS.filter(function (filter) {
      return (
        !filter.optional ||
        rows.some(function (row) {
          return filter.attribute in row.dataset;
        })
      );
    });
    const state = {
      rows: rows,
      filters: filters,
      selects: filters.map(function (filter) {
        return buildSelect(container, filter, rows);
      }),
      text: null,
      count: document.getElementById("hinges-count"),
    };
    const input = document.createElement("input");
    input.type = "search";
    input.placeholder = "Words in id, title, owner, tenets, tags";
    input.autocomplete = "off";
    state.text = control(container, "hinges-filter-text", "Search", input);
    const reset = document.createElement("button");
    reset.type = "button";
    reset.id = "hinges-filter-reset";
    reset.className = "hinges-filter-reset";
    reset.textContent = "Clear filters";
    container.appendChild(reset);
    if (state.count) {
      state.count.setAttribute("aria-live", "polite");
    }

    function update() {
      apply(state);
      saveToUrl(state);
    }
    state.selects.forEach(function (select) {
      select.addEventListener("change", update);
    });
    input.addEventListener("input", update);
    reset.addEventListener("click", function () {
      state.selects.forEach(function (select) {
        select.value = "";
      });
      input.value = "";
      update();
    });
    restoreFromUrl(state);
    container.hidden = false;
    update();
  }

  // The graph fits the page's width without this script. With it, buttons zoom in and
  // out around the centre and dragging moves the picture: both change the SVG's viewBox
  // (clamped to the drawing), so the element keeps its size and never overflows.
  function enhanceGraph() {
    const view = document.querySelector(".hinges-graph-view");
    const svg = view && view.querySelector("svg");
    if (!svg || view.dataset.hingesReady === "true" || !svg.viewBox.baseVal) {
      return;
    }
    view.dataset.hingesReady = "true";
    const full = { w: svg.viewBox.baseVal.width, h: svg.viewBox.baseVal.height };
    let box = { x: 0, y: 0, w: full.w, h: full.h };

    function show() {
      box.x = Math.min(Math.max(box.x, 0), full.w - box.w);
      box.y = Math.min(Math.max(box.y, 0), full.h - box.h);
      svg.setAttribute("viewBox", [box.x, box.y, box.w, box.h].join(" "));
      view.classList.toggle("hinges-graph-zoomed", box.w < full.w);
    }
    function zoom(factor) {
      const width = Math.min(full.w, Math.max(full.w / 16, box.w / factor));
      const height = (width * full.h) / full.w;
      box = {
        x: box.x + (box.w - width) / 2,
        y: box.y + (box.h - height) / 2,
        w: width,
        h: height,
      };
      show();
    }
    const controls = document.createElement("div");
    controls.className = "hinges-graph-controls";
    [
      ["hinges-graph-zoom-in", "Zoom in", function () { zoom(1.5); }],
      ["hinges-graph-zoom-out", "Zoom out", function () { zoom(1 / 1.5); }],
      ["hinges-graph-fit", "Fit to width", function () {
        box = { x: 0, y: 0, w: full.w, h: full.h };
        show();
      }],
    ].forEach(function (spec) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = spec[0];
      button.textContent = spec[1];
      button.addEventListener("click", spec[2]);
      controls.appendChild(button);
    });
    view.parentNode.insertBefore(controls, view);

    let drag = null;
    let dragged = false;
    svg.addEventListener("pointerdown", function (event) {
      if (event.button === 0 && box.w < full.w) {
        drag = { x: event.clientX, y: event.clientY, from: { x: box.x, y: box.y } };
        dragged = false;
      }
    });
    svg.addEventListener("pointermove", function (event) {
      if (!drag) {
        return;
      }
      const dx = event.clientX - drag.x;
      const dy = event.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) {
        dragged = true;
      }
      const scale = box.w / svg.getBoundingClientRect().width;
      box.x = drag.from.x - dx * scale;
      box.y = drag.from.y - dy * scale;
      show();
      event.preventDefault();
    });
    window.addEventListener("pointerup", function () {
      drag = null;
    });
    // A drag that ends on a node is not a click on its link.
    svg.addEventListener(
      "click",
      function (event) {
        if (dragged) {
          event.preventDefault();
          event.stopPropagation();
          dragged = false;
        }
      },
      true
    );
  }

  function init() {
    enhance();
    enhanceGraph();
  }

  // Material's instant navigation swaps pages without a reload and announces each one
  // on document$; without it (or with another theme), the page loads normally.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
