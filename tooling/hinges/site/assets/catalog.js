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
 *
 * A row says each value once: the header marks the columns the filters read
 * (<th data-filter="door">; "text" marks the columns the search reads besides the owner,
 * tenet and tag values), a cell with class hinges-missing holds no value, and the tags,
 * which no cell shows, are the row's data-tags. Values are read once, at load; the status
 * and door cells then get their badges.
 */
(function () {
  "use strict";

  // name: query parameter, select suffix and the header's data-filter; attribute: the row's
  // data-* key instead of a column; list: whether it holds several values; searched: whether
  // the text search reads it; optional: shown only when some row carries the attribute.
  const FILTERS = [
    {
      name: "source",
      attribute: "source",
      label: "Repository",
      all: "All repositories",
      optional: true,
    },
    { name: "door", label: "Door", all: "All doors", badge: "hinges-door" },
    { name: "status", label: "Status", all: "All statuses", badge: "hinges-status" },
    { name: "owner", label: "Owner", all: "All owners", searched: true },
    { name: "tenet", label: "Tenet", all: "All tenets", list: true, searched: true },
    { name: "tag", attribute: "tags", label: "Tag", all: "All tags", list: true, searched: true },
  ];
  const TEXT_PARAMETER = "q";
  // The values catalog.css has a badge colour for (hinges.schema's statuses and doors).
  const BADGES = {
    "hinges-door": ["one-way", "two-way"],
    "hinges-status": [
      "proposed", "accepted", "rejected", "deprecated", "superseded", "active", "retired",
    ],
  };

  // A list attribute is space-separated, each value percent-encoded (a tag may hold a space
  // or a comma); a list cell is comma-separated ("T-001, T-002").
  function split(raw, list, separator) {
    const text = raw.trim();
    if (!list) {
      return text ? [text] : [];
    }
    return text.split(separator).filter(Boolean);
  }

  function decoded(value) {
    try {
      return decodeURIComponent(value);
    } catch (error) {
      return value; // not written by hinges: shown as it stands
    }
  }

  function columnsOf(table) {
    const columns = {};
    Array.from(table.querySelectorAll("thead th")).forEach(function (th, index) {
      const name = th.dataset.filter;
      if (name) {
        (columns[name] = columns[name] || []).push(index);
      }
    });
    return columns;
  }

  function cellValues(row, index, list) {
    const cell = row.cells[index];
    if (!cell || cell.classList.contains("hinges-missing")) {
      return [];
    }
    return split(cell.textContent, list, /\s*,\s*/);
  }

  // Each row's values per filter and its lower-case search text, read once.
  function readRow(row, filters, columns) {
    const values = filters.map(function (filter) {
      if (filter.attribute) {
        const raw = split(row.dataset[filter.attribute] || "", filter.list, /\s+/);
        return filter.list ? raw.map(decoded) : raw;
      }
      return cellValues(row, columns[filter.name][0], filter.list);
    });
    const text = (columns.text || []).map(function (index) {
      return row.cells[index] ? row.cells[index].textContent : "";
    });
    filters.forEach(function (filter, i) {
      if (filter.searched) {
        text.push(values[i].join(" "));
      }
    });
    return { values: values, text: text.join(" ").toLowerCase() };
  }

  // The cell's text in a badge span (as the decision pages show them), coloured when known.
  function badge(row, index, kind, values) {
    const cell = row.cells[index];
    if (!cell || values.length === 0) {
      return;
    }
    const span = document.createElement("span");
    const known = BADGES[kind].indexOf(values[0]) !== -1;
    span.className = kind + " " + kind + "--" + (known ? values[0] : "other");
    while (cell.firstChild) {
      span.appendChild(cell.firstChild);
    }
    cell.appendChild(span);
  }

  function distinctValues(state, i) {
    const seen = new Set();
    state.read.forEach(function (read) {
      read.values[i].forEach(function (value) {
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

  function buildSelect(container, state, i) {
    const filter = state.filters[i];
    const select = document.createElement("select");
    const all = document.createElement("option");
    all.value = "";
    all.textContent = filter.all;
    select.appendChild(all);
    distinctValues(state, i).forEach(function (value) {
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

  function rowMatches(read, state) {
    for (let i = 0; i < state.filters.length; i += 1) {
      const wanted = state.selects[i].value;
      if (wanted && read.values[i].indexOf(wanted) === -1) {
        return false;
      }
    }
    return words(state.text.value).every(function (word) {
      return read.text.indexOf(word) !== -1;
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
    state.rows.forEach(function (row, r) {
      const visible = rowMatches(state.read[r], state);
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
    const rows = Array.from(table.querySelectorAll("tbody tr"));
    const columns = columnsOf(table);
    const filters = FILTERS.filter(function (filter) {
      if (!filter.attribute) {
        return filter.name in columns;
      }
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
      read: rows.map(function (row) {
        return readRow(row, filters, columns);
      }),
      selects: [],
      text: null,
      count: document.getElementById("hinges-count"),
    };
    filters.forEach(function (filter, i) {
      state.selects.push(buildSelect(container, state, i));
      if (filter.badge) {
        rows.forEach(function (row, r) {
          badge(row, columns[filter.name][0], filter.badge, state.read[r].values[i]);
        });
      }
    });
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
