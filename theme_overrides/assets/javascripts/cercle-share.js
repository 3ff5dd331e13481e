/* Cercle share block: copy buttons, the browser's native share, Mastodon's instance.
   Without this script the block still works (links, visible texts, instructions).
   Nothing is sent anywhere: the Mastodon instance is kept in this browser only. */
(function () {
  "use strict";

  var STORAGE_KEY = "cercle.mastodon.instance";
  var INSTANCE = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}(:\d{1,5})?$/;

  function instanceOf(value) {
    var host = String(value || "").trim().toLowerCase().replace(/^https?:\/\//, "").split("/")[0];
    host = host.replace(/^@/, "");
    if (host.indexOf("@") !== -1) host = host.slice(host.lastIndexOf("@") + 1);
    return INSTANCE.test(host) ? host : null;
  }

  function stored() {
    try { return window.localStorage.getItem(STORAGE_KEY) || ""; } catch (e) { return ""; }
  }

  function remember(host) {
    try { window.localStorage.setItem(STORAGE_KEY, host); } catch (e) { /* private mode */ }
  }

  function say(block, text) {
    var status = block.querySelector("[data-cercle-status]");
    if (!status) return;
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function textOf(id) {
    var node = document.getElementById(id);
    if (!node) return "";
    return node.value !== undefined && node.tagName === "INPUT" ? node.value : node.innerText || node.textContent;
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy")); }
    });
  }

  function setUp(block) {
    if (block.hasAttribute("data-cercle-ready")) return;
    block.setAttribute("data-cercle-ready", "");
    block.querySelectorAll("[data-cercle-copy]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        copy(textOf(button.getAttribute("data-cercle-copy"))).then(
          function () { say(block, block.getAttribute("data-copied")); },
          function () { say(block, block.getAttribute("data-copy-failed")); }
        );
      });
    });

    var native = block.querySelector("[data-cercle-native]");
    if (native && typeof navigator.share === "function") {
      native.hidden = false;
      native.addEventListener("click", function () {
        navigator.share({
          title: native.getAttribute("data-title"),
          text: native.getAttribute("data-text"),
          url: native.getAttribute("data-url")
        }).catch(function () { /* cancelled by the reader */ });
      });
    }

    var form = block.querySelector(".cercle-share__mastodon-form");
    if (form) {
      var input = form.querySelector("input");
      form.hidden = false;
      input.value = stored();
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var host = instanceOf(input.value);
        if (!host) {
          input.setAttribute("aria-invalid", "true");
          say(block, block.getAttribute("data-invalid-instance"));
          input.focus();
          return;
        }
        input.removeAttribute("aria-invalid");
        input.value = host;
        remember(host);
        var url = "https://" + host + "/share?text=" + encodeURIComponent(form.getAttribute("data-text"));
        if (form.hasAttribute("data-new-window")) {
          window.open(url, "_blank", "noopener");
        } else {
          window.location.href = url;
        }
      });
    }
  }

  function init() {
    document.querySelectorAll("[data-cercle-share]").forEach(setUp);
  }

  // Material's instant navigation swaps pages without reloading: set up each new one.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
