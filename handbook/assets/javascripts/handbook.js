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
      var counts = null;
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
        counts = handbookEngine(search, bundle.src);
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
        handbookFilters(search, found, say, counts);
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
  // Three Pagefinds, each in a module and so a worker of its own (the same
  // files, the second time from the browser's cache): the components' own
  // finds the results, "words" checks the words beside it, at the same
  // time, and "counts" counts what each filter's values have, once the
  // filters are unfolded. The first never loads the filters' tables:
  // Pagefind counts every table it has loaded for every search, each
  // value's pages against the results, and at 10,000 records that was
  // 0.3 s of the 0.4 s a common word took, twice over with the check of its
  // words, before the first result could be drawn.
  //
  // The engine is the components' `__pagefind__`, a name Pagefind does not
  // document: with another, search is Pagefind's, and test_browser.py says so.
  // Returns the filters' counts: `listen(draw)` and `want(open)`.
  function handbookEngine(search, bundle) {
    var engine = null;
    var wrapped = null;
    var checked = {};
    var letters = /[\p{L}\p{N}]/u;
    var beside = {};
    var counting = {wanted: false, asked: null, listeners: []};

    function instance(name) {
      if (!beside[name]) {
        beside[name] = import(new URL("pagefind.js?" + name, bundle).href).then(function (module) {
          return module.createInstance(search.pagefindOptions || {});
        });
      }
      return beside[name];
    }
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
        checked[key] = instance("words").then(function (words) {
          return words.search('"' + word + '"').then(function (exact) {
            if (exact && exact.results.length > 0) {
              return true;
            }
            return words.search(word).then(function (loose) {
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
          });
        }).catch(function () {
          delete checked[key];
          return true;  // not known: searched for, as Pagefind would
        });
      }
      return checked[key];
    }

    // What the filters' values count: for the last search (its words and
    // its chosen filters), while the filters are unfolded. A count that
    // comes after the next search began is not drawn.
    function recount() {
      var asked = counting.asked;
      if (!asked || !counting.wanted) {
        return;
      }
      instance("counts").then(function (counter) {
        // Its tables, loaded once: it counts only what it has loaded.
        counting.loaded = counting.loaded || counter.filters();
        return counting.loaded.then(function () { return counter; });
      }).then(function (counter) {
        if (asked !== counting.asked) {
          return null;
        }
        if (asked.term === null && !anyChosen(asked.options.filters)) {
          // No word (or none the index has), no filter: every value, with
          // what it has in all (or nothing, when the words found nothing).
          return counter.filters().then(function (totals) {
            return {available: asked.nothing ? zeroed(totals) : totals, total: totals};
          });
        }
        return counter.search(asked.term, asked.options).then(function (result) {
          return {available: result.filters, total: result.totalFilters};
        });
      }).then(function (counts) {
        if (counts && asked === counting.asked) {
          counting.listeners.forEach(function (draw) {
            draw(counts.available, counts.total);
          });
        }
      }).catch(function () {
        return null;  // the values stay as they were; the results are there
      });
    }
    function zeroed(totals) {
      var counts = {};
      Object.keys(totals || {}).forEach(function (name) {
        counts[name] = {};
        Object.keys(totals[name]).forEach(function (value) {
          counts[name][value] = 0;
        });
      });
      return counts;
    }
    // The results as the components want them: with `handbook`, and with no
    // counts of filters (those come from "counts"; the components would
    // draw the first instance's, which are of the chosen filters only).
    function answered(term, options, about) {
      counting.asked = {term: term, options: options, nothing: term === null && about.typed !== ""};
      recount();
      return function (result) {
        result = result || {results: [], unfilteredResultCount: 0};
        result.handbook = about;
        result.filters = {};
        result.totalFilters = {};
        return result;
      };
    }
    function ours(term, options) {
      options = options || {};
      var typed = (term || "").trim();
      if (!typed) {
        var about = {typed: "", kept: [], lost: []};
        // Nothing typed, nothing chosen: nothing found, every filter's values to choose from.
        var done = answered(null, options, about);
        return anyChosen(options.filters) ? engine.search(null, options).then(done) : Promise.resolve(done(null));
      }
      // A "phrase" is searched as a whole, as it is.
      if (typed.indexOf('"') >= 0) {
        return engine.search(typed, options).then(answered(typed, options, {typed: typed, kept: [typed], lost: []}));
      }
      var words = typed.split(/\s+/).filter(function (word) { return letters.test(word); });
      // Searched for at once, all words, while "words" checks each of them.
      var all = words.length ? engine.search(words.join(" "), options) : null;
      if (all) {
        all.catch(function () { return null; });  // not wanted after all (a word was not found): no error of its own
      }
      return Promise.all(words.map(has)).then(function (found) {
        var about = {
          typed: typed,
          kept: words.filter(function (word, index) { return found[index]; }),
          lost: words.filter(function (word, index) { return !found[index]; }),
        };
        if (about.kept.length === 0) {
          return answered(null, {}, about)(null);
        }
        var term = about.kept.join(" ");
        return (about.lost.length ? engine.search(term, options) : all).then(answered(term, options, about));
      });
    }
    function take(value) {
      engine = value || null;
      if (engine && engine.init) {
        // Ready before the first word is typed (the components load when
        // the search opens): the index's own files, then "words" from the
        // browser's cache.
        engine.init().then(function () {
          return instance("words");
        }).then(function (words) {
          return words.init();
        }).catch(function () {
          return null;  // loaded at the first search instead
        });
      }
      wrapped = engine && new Proxy(engine, {
        get: function (target, name) {
          if (name === "search") {
            return ours;
          }
          if (name === "filters") {
            // The components ask for them once loaded, and after each
            // emptied search: the values come from "counts", when unfolded.
            return function () { return Promise.resolve({}); };
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
    return {
      listen: function (draw) { counting.listeners.push(draw); },
      want: function (wanted) {
        counting.wanted = wanted;
        recount();
      },
    };
  }

  // One group per filter, in the given order, folded under "Filters" (which
  // says what is chosen), each unfolding its values in place (one group open
  // at a time), and one button to clear them all. A value is a button that
  // is pressed or not, with the number of results it has; values no result
  // has are not offered, nor a filter without any.
  function handbookFilters(search, found, say, counts) {
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
    counts.listen(draw);
    folder.addEventListener("toggle", function () {
      counts.want(folder.open);
    });
    counts.want(folder.open);
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
