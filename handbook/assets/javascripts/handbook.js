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
