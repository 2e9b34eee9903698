/* The only script of the reader site: closing the notice bar, remembered per notice. */
(function () {
  "use strict";
  var bar = document.querySelector("[data-notice-key]");
  if (!bar) return;
  var storeKey = "warta:notice-closed";
  var noticeKey = bar.getAttribute("data-notice-key");
  function closed() {
    try { return window.localStorage.getItem(storeKey) === noticeKey; } catch (e) { return false; }
  }
  if (closed()) { bar.hidden = true; return; }
  var button = bar.querySelector(".notice-close");
  if (!button) return;
  button.addEventListener("click", function () {
    bar.hidden = true;
    try { window.localStorage.setItem(storeKey, noticeKey); } catch (e) { /* private mode */ }
  });
})();
