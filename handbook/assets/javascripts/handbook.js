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
