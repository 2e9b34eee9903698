/* The only script of the reader site: closing the notice bar (remembered per notice)
   and the read beacon. */
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

/* Count a read once the article page has loaded: a beacon to /baca/<id>/, so the
   count stays right when the page itself comes from a cache. Pages opened in a
   background tab are counted when first shown. */
(function () {
  "use strict";
  var article = document.querySelector("article[data-article-id]");
  if (!article || !navigator.sendBeacon) return;
  var url = "/baca/" + encodeURIComponent(article.getAttribute("data-article-id")) + "/";
  var sent = false;
  function send() {
    if (sent || document.visibilityState !== "visible") return;
    sent = true;
    try { navigator.sendBeacon(url); } catch (e) { /* counting must never break reading */ }
  }
  function whenLoaded() {
    send();
    if (!sent) document.addEventListener("visibilitychange", send);
  }
  if (document.readyState === "complete") whenLoaded();
  else window.addEventListener("load", whenLoaded);
})();
