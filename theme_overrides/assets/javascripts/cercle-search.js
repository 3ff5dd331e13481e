/* Cercle search: an accessible <dialog> over Pagefind's search API (pagefind/pagefind.js).
 * Pagefind picks the index of the page's <html lang>, so results stay in the page's language.
 * Nothing is loaded until the dialog opens (but the dialog's strings, cercle-search.<lang>.js);
 * every request stays on this site. */
(function () {
  "use strict";

  var HIGHLIGHT = "pagefind-highlight";
  var dialog = document.getElementById("cercle-search");
  if (!dialog) return;

  // A page opened from a result (?pagefind-highlight=…) marks the searched words in its
  // content with Pagefind's own script, from this site; other pages load nothing.
  if (new URLSearchParams(window.location.search).has(HIGHLIGHT)) {
    import(new URL(dialog.getAttribute("data-highlight"), document.baseURI).href)
      .then(function (module) {
        new module.default({ highlightParam: HIGHLIGHT, addStyles: false });
      })
      .catch(function (error) {
        if (window.console) console.error("cercle-search:", error);
      });
  }
  if (typeof dialog.showModal !== "function") return;
  // The dialog's inside comes from cercle-search.<lang>.js (one file per language, cached;
  // issue #18). Without it the search button stays hidden.
  if (!dialog.firstElementChild && typeof window.cercleSearchDialog === "string") {
    dialog.innerHTML = window.cercleSearchDialog;
    dialog.setAttribute("aria-labelledby", "cercle-search-title");
  }
  if (!dialog.querySelector(".cercle-search__form")) return;

  var strings = JSON.parse(dialog.querySelector(".cercle-search__strings").textContent);
  var form = dialog.querySelector(".cercle-search__form");
  var input = dialog.querySelector(".cercle-search__input");
  var status = dialog.querySelector(".cercle-search__status");
  var list = dialog.querySelector(".cercle-search__results");
  var groups = Array.prototype.slice.call(dialog.querySelectorAll("fieldset[data-filter]"));
  var sort = dialog.querySelector(".cercle-search__sort");
  var lang = dialog.getAttribute("data-lang") || document.documentElement.lang;
  var openers = document.querySelectorAll(".cercle-search__open");
  var returnFocus = null;
  var pagefind = null;
  var loading = null;
  var current = 0;
  var merged = {};
  var parts = {};
  var MAX_RESULTS = 20;

  // -- opening, closing, focus -------------------------------------------------------

  function open(from) {
    if (dialog.open) {
      input.focus();
      return;
    }
    returnFocus = from && from !== document.body ? from : null;
    dialog.showModal();
    input.focus();
    input.select();
    load();
  }

  Array.prototype.forEach.call(openers, function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      open(button);
    });
  });

  dialog.querySelector(".cercle-search__close").addEventListener("click", function () {
    dialog.close();
  });

  // A click on the backdrop (the dialog box itself, outside its content) closes it.
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) dialog.close();
  });

  // Escape closes the dialog natively ("cancel" then "close"); focus goes back where it was.
  dialog.addEventListener("close", function () {
    var target = returnFocus;
    returnFocus = null;
    if (target && target.isConnected) target.focus();
  });

  function focusables() {
    return Array.prototype.filter.call(
      dialog.querySelectorAll("a[href], button, input, select, [tabindex]:not([tabindex='-1'])"),
      function (el) {
        return !el.disabled && el.getClientRects().length > 0;
      }
    );
  }

  // Keep Tab inside the dialog (the page behind is inert anyway). Escape always closes,
  // even from the search field, where the browser would otherwise only clear the text.
  dialog.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !event.defaultPrevented) {
      event.preventDefault();
      dialog.close();
      return;
    }
    if (event.key !== "Tab") return;
    var items = focusables();
    if (!items.length) return;
    var first = items[0];
    var last = items[items.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  });

  function isTyping(target) {
    if (!target || !target.tagName) return false;
    return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
  }

  // "/" (outside text fields) and Ctrl+K / Cmd+K open the search from anywhere on the page.
  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.isComposing || event.altKey) return;
    var key = event.key;
    if ((event.ctrlKey || event.metaKey) && (key === "k" || key === "K")) {
      event.preventDefault();
      open(document.activeElement);
    } else if (key === "/" && !event.ctrlKey && !event.metaKey && !isTyping(event.target)) {
      event.preventDefault();
      open(document.activeElement);
    }
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) first.focus();
  });

  // -- Pagefind ------------------------------------------------------------------------

  function load() {
    if (!loading) {
      var url = new URL(dialog.getAttribute("data-pagefind"), document.baseURI);
      status.textContent = strings.loading;
      // A large hub's index is in parts (cercle/search/parts.py), listed by language in the
      // entry file: each is merged into the one search. A small hub's lists none.
      var entry = fetch(new URL("pagefind-entry.json", url).href, { cache: "no-cache" })
        .then(function (response) {
          return response.ok ? response.json() : {};
        })
        .catch(function () {
          return {};
        });
      loading = Promise.all([import(url.href), entry])
        .then(function (loaded) {
          var module = loaded[0];
          parts = loaded[1].cercle_parts || {};
          // Every index gets its language as a filter, so merged languages can be left out again.
          return module
            .options({
              baseUrl: new URL("../", url).pathname,
              excerptLength: 24,
              highlightParam: HIGHLIGHT,
              mergeFilter: { cercle_lang: lang },
            })
            .then(function () {
              pagefind = module;
              return Promise.all(mergeParts(lang));
            })
            .then(fillFilters);
        })
        .then(function () {
          // A search typed while the filters loaded may have shown its count already.
          if (status.textContent === strings.loading) status.textContent = "";
          run();
        })
        .catch(fail);
    }
    return loading;
  }

  function fail(error) {
    status.textContent = strings.unavailable;
    if (window.console) console.error("cercle-search:", error);
  }

  // One index folder (under pagefind/) of one language, merged into the search. Pagefind skips
  // a merge of the path its primary index came from (site-relative); the same folder given
  // as an absolute URL is not.
  function mergeFolder(folder, language) {
    var url = new URL(dialog.getAttribute("data-pagefind"), document.baseURI);
    return pagefind.mergeIndex(new URL(folder, url).href, {
      language: language,
      baseUrl: new URL("../", url).pathname,
      excerptLength: 24,
      highlightParam: HIGHLIGHT,
      mergeFilter: { cercle_lang: language },
    });
  }

  function mergeParts(language) {
    return (parts[language] || []).map(function (folder) {
      return mergeFolder(folder, language);
    });
  }

  // Another language's index (and its parts), merged once on demand.
  function mergeLanguage(other) {
    if (!merged[other]) {
      merged[other] = Promise.all([mergeFolder("./", other)].concat(mergeParts(other))).then(fillFilters);
    }
    return merged[other];
  }

  function fillFilters() {
    return pagefind.filters().then(function (available) {
      groups.forEach(function (group) {
        var name = group.getAttribute("data-filter");
        var box = group.querySelector(".cercle-search__choices");
        var chosen = checked(group);
        var values = Object.keys(available[name] || {});
        values.sort(function (a, b) {
          return name === "year" ? b.localeCompare(a) : a.localeCompare(b, lang);
        });
        box.replaceChildren.apply(
          box,
          values.map(function (value, i) {
            var item = document.createElement("li");
            var label = document.createElement("label");
            var input = document.createElement("input");
            input.type = "checkbox";
            input.value = value;
            input.id = "cercle-search-" + name + "-" + i;
            input.checked = chosen.indexOf(value) !== -1;
            label.htmlFor = input.id;
            label.append(input, " " + value);
            item.appendChild(label);
            return item;
          })
        );
        group.hidden = values.length === 0;
      });
    });
  }

  function checked(container) {
    return Array.prototype.map.call(container.querySelectorAll("input:checked"), function (input) {
      return input.value;
    });
  }

  // Several values of one filter: any of them; several filters: all of them.
  function chosenFilters() {
    var filters = {};
    groups.forEach(function (group) {
      var values = checked(group);
      if (values.length) filters[group.getAttribute("data-filter")] = { any: values };
    });
    return filters;
  }

  function run() {
    if (!pagefind) return;
    var id = ++current;
    var term = input.value.trim();
    var filters = chosenFilters();
    var others = checked(dialog.querySelector(".cercle-search__options"));
    Promise.all(others.map(mergeLanguage))
      .then(function () {
        if (id !== current) return null;
        if (!term && !Object.keys(filters).length) {
          list.replaceChildren();
          status.textContent = "";
          return null;
        }
        if (Object.keys(merged).length) filters.cercle_lang = { any: [lang].concat(others) };
        var options = { filters: filters };
        // With no words there is no relevance: filters alone list the newest first.
        if (!term || sort.value === "date") options.sort = { date: "desc" };
        return pagefind.debouncedSearch(term || null, options, 150).then(function (search) {
          if (!search || id !== current) return null;
          var shown = search.results.slice(0, MAX_RESULTS);
          return Promise.all(
            shown.map(function (result) {
              return result.data();
            })
          ).then(function (data) {
            if (id === current) render(data, search.results.length);
          });
        });
      })
      .catch(fail);
  }

  input.addEventListener("input", run);
  form.addEventListener("change", function (event) {
    if (event.target !== input) run();
  });

  // -- results ---------------------------------------------------------------------------

  // Pagefind's excerpt is HTML with <mark> around matches: keep the text and the marks only.
  function excerpt(html) {
    var paragraph = document.createElement("p");
    paragraph.className = "cercle-search__excerpt";
    var parsed = new DOMParser().parseFromString("<body>" + html + "</body>", "text/html");
    Array.prototype.forEach.call(parsed.body.childNodes, function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.appendChild(mark);
      } else {
        paragraph.appendChild(document.createTextNode(node.textContent));
      }
    });
    return paragraph;
  }

  // A match inside the transcript lands on its line: each line is an element with the id
  // t=<seconds> (a #t= link on the replay page). Pagefind makes sub-results of headings only,
  // but lists every element with an id among a result's anchors, at its word position.
  var LINE_WORDS = 80; // the last line ends where the page does: a line is never that long
  function transcriptLine(result) {
    var lines = (result.anchors || [])
      .filter(function (anchor) {
        return /^t=\d+$/.test(anchor.id || "");
      })
      .sort(function (a, b) {
        return a.location - b.location;
      });
    var hits = (result.locations || []).slice().sort(function (a, b) {
      return a - b;
    });
    for (var h = 0; h < hits.length; h++) {
      for (var i = 0; i < lines.length; i++) {
        var end = i + 1 < lines.length ? lines[i + 1].location : lines[i].location + LINE_WORDS;
        if (hits[h] >= lines[i].location && hits[h] < end) return lines[i];
      }
    }
    return null;
  }

  function clock(seconds) {
    var h = Math.floor(seconds / 3600);
    var m = Math.floor((seconds % 3600) / 60);
    var s = seconds % 60;
    var two = function (n) {
      return (n < 10 ? "0" : "") + n;
    };
    return h ? h + ":" + two(m) + ":" + two(s) : m + ":" + two(s);
  }

  function render(data, total) {
    var items = data.map(function (result) {
      var meta = result.meta || {};
      var item = document.createElement("li");
      item.className = "cercle-search__result";
      if (meta.lang && meta.lang !== lang) item.lang = meta.lang; // another language's result
      var link = document.createElement("a");
      link.className = "cercle-search__link";
      link.href = result.url;
      link.textContent = meta.title || result.url;
      item.appendChild(link);
      if (meta.type || meta.date) {
        var line = document.createElement("p");
        line.className = "cercle-search__meta";
        line.textContent = meta.type || "";
        if (meta.date) {
          var time = document.createElement("time");
          time.textContent = meta.date;
          if (meta.datetime) time.dateTime = meta.datetime;
          line.append(meta.type ? " · " : "", time);
        }
        item.appendChild(line);
      }
      if (result.excerpt) item.appendChild(excerpt(result.excerpt));
      var line = transcriptLine(result);
      if (line) {
        var at = document.createElement("a");
        at.className = "cercle-search__moment";
        // A line of a transcript page (<entry>/transcript/): the moment plays on the entry.
        var address = result.url.split("#")[0].split("?");
        address[0] = address[0].replace(/transcript\/(?:index\.html)?$/, "");
        at.href = address.join("?") + "#" + line.id;
        at.textContent = (strings.moment || "{at}").replace("{at}", clock(parseInt(line.id.slice(2), 10)));
        item.appendChild(at);
      }
      return item;
    });
    list.replaceChildren.apply(list, items);
    list.scrollTop = 0;
    if (total === 0) status.textContent = strings.none;
    else if (total === 1) status.textContent = strings.one;
    else status.textContent = strings.many.replace("{n}", String(total));
  }
})();
