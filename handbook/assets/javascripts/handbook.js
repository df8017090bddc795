// The theme's search dialog has no accessible name (axe: aria-dialog-name);
// give it the name of its search field, in the site's language.
document.querySelectorAll(".md-search[role=dialog]:not([aria-label])").forEach(function (dialog) {
  var field = document.querySelector(".md-search__input");
  dialog.setAttribute("aria-label", (field && field.getAttribute("aria-label")) || "Search");
});

// A wide table scrolls sideways; a keyboard must be able to reach that
// scroll area too (axe: scrollable-region-focusable). The theme's document$
// announces every page, also after instant navigation.
function handbookFocusableTables() {
  document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])").forEach(function (area) {
    area.setAttribute("tabindex", "0");
  });
}
if (typeof document$ !== "undefined") {
  document$.subscribe(handbookFocusableTables);
} else {
  handbookFocusableTables();
}

// Search (Pagefind): its button belongs in the header, before the colour
// switch; "/" opens it too, as in most documentation sites.
(function () {
  var search = document.querySelector(".handbook-search");
  var header = document.querySelector(".md-header__inner");
  if (search && header) {
    header.insertBefore(search, header.querySelector(".md-header__option") || null);
  }
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      var button = document.querySelector(".handbook-search button");
      if (button) {
        event.preventDefault();
        button.click();
      }
    }
  });
})();

// Search (Pagefind's components) in the site's words, with its filters in
// the order a reader narrows a question down, searching only with the words
// the index has, listing what filters alone give, and counting what it
// found. The build writes the words and the filters beside the index
// (generator/site/search.py, WORDS); the components are ready when the page
// is (their module runs before DOMContentLoaded).
(function () {
  // The line that counts the results, and what Pagefind would announce of
  // them, are the handbook's: Pagefind counts only what the list shows
  // ("50 resultaten" of 312) and would count a word it did not find.
  var COUNTED = ["zero_results", "one_result", "many_results",
                 "total_zero_results", "total_one_result", "total_many_results"];

  function whenReady(then) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", then);
    } else {
      then();
    }
  }
  whenReady(function () {
    // The components' script comes after this one in the page.
    var bundle = document.querySelector('script[src*="pagefind-component-ui.js"]');
    var components = window.PagefindComponents;
    if (!bundle || !components) {
      return;
    }
    var words = fetch(new URL("handbook-search.json", bundle.src).href).then(function (response) {
      return response.ok ? response.json() : null;
    }).catch(function () {
      return null;  // without its words search still works, in Pagefind's
    });
    words.then(function (found) {
      var search = components.getInstanceManager().getInstance("default");
      if (found) {
        var given = {};
        Object.keys(found.words).forEach(function (key) {
          given[key] = found.words[key];
        });
        // Every count of Pagefind's own is silenced, also those the words
        // do not name (its "Geen resultaten" was announced, assertively,
        // before each of the handbook's counts).
        COUNTED.forEach(function (key) {
          given[key] = "";
        });
        search.setTranslations(given);
        handbookEngine(search);
        // A search without a word, with filters: what the filters give.
        search.faceted = true;
      }
      // The components, drawn once, in these words.
      document.querySelectorAll(".handbook-search > template, .handbook-home-search > template, " +
                                "template.handbook-search-modal").forEach(function (template) {
        var content = template.content.cloneNode(true);
        var trigger = content.querySelector("pagefind-modal-trigger");
        var home = template.parentNode.classList.contains("handbook-home-search");
        if (trigger && found) {
          trigger.setAttribute("placeholder", home ? found.words.placeholder : found.words.open);
        }
        if (home) {  // under the home page's title, where its reading begins
          var title = document.querySelector("article h1");
          if (title) {
            title.after(template.parentNode);
          }
        }
        template.replaceWith(content);
      });
      if (found) {
        var say = sayer(found.words);
        handbookFilters(search, found, say);
        handbookSummary(search, say);
        handbookEscape();
      } else {  // Pagefind's own, in its words and its order
        var groups = document.querySelector(".handbook-search-groups");
        var line = document.querySelector(".handbook-search-summary");
        if (groups && line) {
          groups.appendChild(document.createElement("pagefind-filter-pane"));
          line.replaceWith(document.createElement("pagefind-summary"));
        }
      }
    });
  });

  // A text of the catalogs with its [PLACEHOLDERS] filled in, numbers
  // written as the site's language writes them ("1.208").
  function sayer(texts) {
    var number = new Intl.NumberFormat(document.documentElement.lang || undefined);
    return function (key, values) {
      var text = texts[key] || "";
      Object.keys(values || {}).forEach(function (name) {
        var value = values[name];
        text = text.split("[" + name + "]").join(typeof value === "number" ? number.format(value) : String(value));
      });
      return text;
    };
  }

  // The values chosen of a filter, as the search holds them ({any: [...]}:
  // a result has one of them; Pagefind's own components give a list).
  function chosenValues(filter) {
    if (Array.isArray(filter)) {
      return filter;
    }
    return (filter && (filter.any || filter.all)) || [];
  }
  function anyChosen(filters) {
    return Object.keys(filters || {}).some(function (name) {
      return chosenValues(filters[name]).length > 0;
    });
  }

  // Searching only with the words the index has. Pagefind finds a word by
  // the words of the index it begins ("stagi": "stagiair"), but when none
  // begins with it, by the longest word of the index that begins it:
  // "interns" by "in" (58 results), "xqzv" by "x". A word counts as found
  // when the index has it as it is (Pagefind's exact search, which stems it
  // as the index does: "stagiairs" is "stagiair"), or when a word of one of
  // the first pages it finds begins with it: a word being typed. The others
  // are said, and left out of the search: the results are what the other
  // words find. Without a word, the filters alone give the results; without
  // either, nothing. What was searched for goes with the results
  // (`handbook`), for the line that counts them.
  //
  // The engine is the components' `__pagefind__`, a name Pagefind does not
  // document: with another, search is Pagefind's, and test_browser.py says so.
  function handbookEngine(search) {
    var engine = null;
    var wrapped = null;
    var checked = {};
    var letters = /[\p{L}\p{N}]/u;

    function normal(text) {
      return text.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
    }
    function begins(text, key) {
      return text.split(/[^\p{L}\p{N}\p{M}]+/u).concat([text]).some(function (part) {
        return normal(part).indexOf(key) === 0;
      });
    }
    function has(word) {
      var key = normal(word);
      if (!key) {
        return Promise.resolve(true);
      }
      if (!(key in checked)) {
        checked[key] = engine.search('"' + word + '"').then(function (exact) {
          if (exact && exact.results.length > 0) {
            return true;
          }
          return engine.search(word).then(function (loose) {
            var first = ((loose && loose.results) || []).slice(0, 3);
            return Promise.all(first.map(function (result) {
              return result.data().then(function (page) {
                var text = (page.content || "").split(/[\r\n\s]+/);
                var seen = (result.words || []).map(function (at) { return text[at] || ""; });
                Object.keys(page.meta || {}).forEach(function (name) {
                  seen = seen.concat(String(page.meta[name]).split(/\s+/));
                });
                return seen.some(function (seenWord) { return begins(seenWord, key); });
              });
            })).then(function (each) {
              return each.some(Boolean);
            });
          });
        }).catch(function () {
          delete checked[key];
          return true;  // not known: searched for, as Pagefind would
        });
      }
      return checked[key];
    }
    function none(about, keep) {
      return engine.filters().then(function (totals) {
        var counts = {};
        Object.keys(totals || {}).forEach(function (name) {
          counts[name] = {};
          Object.keys(totals[name]).forEach(function (value) {
            counts[name][value] = keep ? totals[name][value] : 0;
          });
        });
        return {results: [], unfilteredResultCount: 0, filters: counts, totalFilters: totals, handbook: about};
      });
    }
    function along(about) {
      return function (result) {
        if (result) {
          result.handbook = about;
        }
        return result;
      };
    }
    function ours(term, options) {
      options = options || {};
      var typed = (term || "").trim();
      if (!typed) {
        var about = {typed: "", kept: [], lost: []};
        // Nothing typed, nothing chosen: nothing found, every filter's values to choose from.
        return anyChosen(options.filters) ? engine.search(null, options).then(along(about)) : none(about, true);
      }
      // A "phrase" is searched as a whole, as it is.
      if (typed.indexOf('"') >= 0) {
        return engine.search(typed, options).then(along({typed: typed, kept: [typed], lost: []}));
      }
      var words = typed.split(/\s+/).filter(function (word) { return letters.test(word); });
      return Promise.all(words.map(has)).then(function (found) {
        var about = {
          typed: typed,
          kept: words.filter(function (word, index) { return found[index]; }),
          lost: words.filter(function (word, index) { return !found[index]; }),
        };
        if (about.kept.length === 0) {
          return none(about, false);
        }
        return engine.search(about.kept.join(" "), options).then(along(about));
      });
    }
    function take(value) {
      engine = value || null;
      wrapped = engine && new Proxy(engine, {
        get: function (target, name) {
          if (name === "search") {
            return ours;
          }
          var member = target[name];
          return typeof member === "function" ? member.bind(target) : member;
        },
      });
    }
    take(search.__pagefind__);
    Object.defineProperty(search, "__pagefind__", {
      configurable: true,
      enumerable: true,
      get: function () { return wrapped; },
      set: take,
    });
  }

  // One group per filter, in the given order, folded under "Filters" (which
  // says what is chosen), each unfolding its values in place (one group open
  // at a time), and one button to clear them all. A value is a button that
  // is pressed or not, with the number of results it has; values no result
  // has are not offered, nor a filter without any.
  function handbookFilters(search, found, say) {
    var folder = document.querySelector(".handbook-search-filters");
    var row = folder && folder.querySelector(".handbook-search-groups");
    if (!row) {
      return;
    }
    var summary = folder.querySelector("summary");
    var chosen = {};
    var groups = {};
    found.filters.forEach(function (name) {
      var group = document.createElement("details");
      group.className = "handbook-filter";
      group.setAttribute("name", "handbook-filter");
      group.dataset.filter = name;
      var head = document.createElement("summary");
      var label = document.createElement("span");
      label.className = "handbook-filter-name";
      label.textContent = name;
      var mark = document.createElement("span");
      mark.className = "handbook-filter-chosen";
      head.append(label, mark);
      var values = document.createElement("div");
      values.className = "handbook-filter-values";
      values.setAttribute("role", "group");
      values.setAttribute("aria-label", name);
      group.append(head, values);
      group.hidden = true;  // until the index says what it has
      row.appendChild(group);
      groups[name] = {group: group, mark: mark, values: values, buttons: {}};
    });
    var clear = document.createElement("button");
    clear.type = "button";
    clear.className = "handbook-search-clear";
    clear.textContent = say("filters_clear");
    clear.hidden = true;
    clear.addEventListener("click", function () {
      search.triggerFilters({});
    });
    row.appendChild(clear);

    function choose(name, value) {
      var now = (chosen[name] || []).slice();
      var at = now.indexOf(value);
      if (at >= 0) {
        now.splice(at, 1);
      } else {
        now.push(value);
      }
      var filters = {};
      Object.keys(chosen).concat([name]).forEach(function (each) {
        var values = each === name ? now : chosen[each];
        if (values && values.length) {
          filters[each] = {any: values};
        }
      });
      search.triggerFilters(filters);
    }
    function draw(available, total) {
      found.filters.forEach(function (name) {
        var g = groups[name];
        var counts = (available || {})[name] || {};
        var values = Object.keys((total || {})[name] || counts);
        var shown = 0;
        values.forEach(function (value) {
          var button = g.buttons[value];
          if (!button) {
            button = g.buttons[value] = document.createElement("button");
            button.type = "button";
            button.className = "handbook-filter-value";
            var text = document.createElement("span");
            text.textContent = value;
            var count = document.createElement("span");
            count.className = "handbook-filter-count";
            button.append(text, count);
            button.addEventListener("click", function () {
              choose(name, value);
            });
            g.values.appendChild(button);
          }
          var pressed = (chosen[name] || []).indexOf(value) >= 0;
          var n = counts[value] || 0;
          button.setAttribute("aria-pressed", String(pressed));
          button.lastChild.textContent = String(n);
          button.hidden = n === 0 && !pressed;
          shown += button.hidden ? 0 : 1;
        });
        g.group.hidden = shown === 0;
      });
    }
    function chose(filters) {
      chosen = {};
      var all = [];
      found.filters.forEach(function (name) {
        var values = chosenValues((filters || {})[name]);
        chosen[name] = values.slice();
        all = all.concat(values);
        var g = groups[name];
        g.mark.textContent = values.length ? String(values.length) : "";
        Object.keys(g.buttons).forEach(function (value) {
          g.buttons[value].setAttribute("aria-pressed", String(values.indexOf(value) >= 0));
        });
      });
      summary.textContent = say(all.length ? "filters_chosen" : "filters_label", {VALUES: all.join(", ")});
      clear.hidden = all.length === 0;
    }
    chose({});
    search.on("search", function (term, filters) {
      chose(filters);
    });
    search.on("filters", function (counts) {
      draw(counts.available, counts.total);
    });
    if (search.availableFilters) {
      draw(search.availableFilters, search.totalFilters);
    }
  }

  // The line over the results: what was not found, how many results there
  // are and how many the list shows, or what to do. Said to a screen reader
  // too, once the results are there.
  function handbookSummary(search, say) {
    var line = document.querySelector(".handbook-search-summary");
    var list = document.querySelector("pagefind-results");
    if (!line) {
      return;
    }
    var most = parseInt((list && list.getAttribute("max-results")) || "0", 10) || Infinity;
    line.textContent = say("hint");
    search.on("loading", function () {
      var term = (search.searchTerm || "").trim();
      line.textContent = term ? say("searching", {SEARCH_TERM: term}) : say("loading");
    });
    search.on("error", function () {
      line.textContent = say("error_search");
      search.announceRaw(line.textContent, "assertive");
    });
    search.on("results", function (result) {
      var about = (result && result.handbook) || {typed: "", kept: [], lost: []};
      var count = ((result && result.results) || []).length;
      var said = [];
      if (about.lost.length) {
        said.push(say("unmatched", {WORDS: about.lost.join("’, ‘")}));
      }
      if (about.kept.length) {
        var term = about.kept.join(" ");
        if (count > most) {
          said.push(say("best_of", {SHOWN: most, COUNT: count, SEARCH_TERM: term}));
        } else if (count === 0 && about.kept.length > 1) {  // each word is there, not all on one page
          said.push(say("together_none", {SEARCH_TERM: term}));
        } else {
          said.push(say(count === 0 ? "zero_results" : count === 1 ? "one_result" : "many_results",
                        {COUNT: count, SEARCH_TERM: term}));
        }
      } else if (about.typed && !about.lost.length) {  // no word in it (punctuation only)
        said.push(say("zero_results", {SEARCH_TERM: about.typed}));
      } else if (!about.typed && anyChosen(search.searchFilters)) {
        said.push(count > most ? say("first_of_filtered", {SHOWN: most, COUNT: count})
          : say(count === 0 ? "zero_filtered" : count === 1 ? "one_filtered" : "many_filtered", {COUNT: count}));
      } else if (!about.typed) {
        line.textContent = say("hint");
        return;
      }
      line.textContent = said.join(" ");
      search.announceRaw(line.textContent, count === 0 ? "assertive" : "polite");
    });
  }

  // Escape in a filter's open group folds that group, and leaves the search
  // open (the dialog listens before the group would: this listens before it).
  function handbookEscape() {
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      var group = event.key === "Escape" && target && target.closest && target.closest("details.handbook-filter[open]");
      if (group) {
        event.preventDefault();
        event.stopPropagation();
        group.open = false;
        group.querySelector("summary").focus();
      }
    }, true);
  }
})();
