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
// the order a reader narrows a question down, and saying which word of a
// search found nothing. The build writes the words and the filters beside
// the index (generator/site/search.py, WORDS); the components are ready
// when the page is (their module runs before DOMContentLoaded).
(function () {
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
        search.setTranslations(found.words);
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
        handbookFilters(search, found);
        handbookUnmatched(search);
      } else {
        var row = document.querySelector(".handbook-search-dropdowns");
        if (row) {
          row.appendChild(document.createElement("pagefind-filter-pane"));  // Pagefind's own, in its order
        }
      }
    });
  });

  // One dropdown per filter, in the given order, folded under "Filters"
  // (which says what is chosen), and one button to clear them all.
  function handbookFilters(search, found) {
    var folder = document.querySelector(".handbook-search-filters");
    var row = folder && folder.querySelector(".handbook-search-dropdowns");
    if (!row) {
      return;
    }
    var summary = folder.querySelector("summary");
    // Pagefind names each option in English ("LinkedIn, 16 results"), which
    // is not what it shows (axe: label-content-name-mismatch), and its
    // button not at all until a value is chosen, then in English (axe:
    // button-name), nor its list (aria-input-field-name): the button and the
    // list are named by the filter's name, an option by its text. Options
    // are drawn anew as results come.
    var relabel = new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        change.addedNodes.forEach(function (option) {
          if (option.nodeType === 1) {
            option.removeAttribute("aria-label");
          }
        });
      });
    });
    found.filters.forEach(function (name) {
      var dropdown = document.createElement("pagefind-filter-dropdown");
      dropdown.setAttribute("filter", name);
      dropdown.setAttribute("label", name);
      dropdown.setAttribute("hide-clear", "");
      row.appendChild(dropdown);
      var button = dropdown.querySelector(".pf-dropdown-trigger");
      var label = dropdown.querySelector(".pf-dropdown-trigger-label");
      var options = dropdown.querySelector(".pf-dropdown-options");
      if (button && label && options) {
        label.id = button.id + "-name";
        button.setAttribute("aria-labelledby", label.id);
        options.setAttribute("aria-labelledby", label.id);
        relabel.observe(options, {childList: true});
      }
    });
    var clear = document.createElement("button");
    clear.type = "button";
    clear.className = "handbook-search-clear";
    clear.textContent = search.translate("filters_clear");
    clear.hidden = true;
    clear.addEventListener("click", function () {
      search.triggerFilters({});
    });
    row.appendChild(clear);
    function chosen(filters) {
      var values = [];
      found.filters.forEach(function (name) {
        values = values.concat((filters || {})[name] || []);
      });
      summary.textContent = search.translate(values.length ? "filters_chosen" : "filters_label",
                                             {VALUES: values.join(", ")});
      clear.hidden = values.length === 0;
    }
    chosen({});
    search.on("search", function (term, filters) {
      chosen(filters);
    });
  }

  // Pagefind leaves out a word that matches nothing and counts what the
  // others found ("21 resultaten voor LinkedIn trainees", where no page
  // says "trainees"); the summary says so instead: "Niets gevonden voor
  // ‘trainees’. 21 resultaten voor ‘linkedin’". Each word is looked up
  // alone in the index the components loaded (without the filters: it is
  // the index that has the word or not). That index is their
  // `__pagefind__`, a name Pagefind does not document: with another, the
  // summary stays Pagefind's, and test_browser.py says so.
  function handbookUnmatched(search) {
    var asked = 0;
    search.on("results", function (result) {
      var term = (search.searchTerm || "").trim();
      var engine = search.__pagefind__;
      var words = term.split(/\s+/).filter(function (word) {
        return /[\p{L}\p{N}]/u.test(word);
      });
      var mine = ++asked;
      // One word that matches nothing: Pagefind says so itself. A "phrase"
      // is searched as a whole.
      if (!engine || words.length < 2 || term.indexOf('"') >= 0) {
        return;
      }
      Promise.all(words.map(function (word) {
        return engine.search(word).then(function (alone) {
          return alone.results.length === 0;
        });
      })).then(function (missing) {
        var lost = words.filter(function (word, index) { return missing[index]; });
        var kept = words.filter(function (word, index) { return !missing[index]; });
        var summary = document.querySelector("pagefind-summary .pf-summary");
        if (mine !== asked || !summary || lost.length === 0 || kept.length === 0) {
          return;
        }
        var count = (result.results || []).length;
        var said = search.translate("unmatched", {WORDS: lost.join("’, ‘")}) + " " +
          search.translate(count === 0 ? "zero_results" : count === 1 ? "one_result" : "many_results",
                           {COUNT: count, SEARCH_TERM: kept.join(" ")});
        summary.textContent = said;
        search.announceRaw(said);
      });
    });
  }
})();
