/* Cercle share block: copy buttons, the browser's native share, Mastodon's instance, and
   fill-in blanks ("[your opinion]" becomes a field the reader fills before copying).
   Without this script the block still works (links, visible texts with their brackets).
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
    if (node.hasAttribute("data-cercle-blanks")) return filled(node);
    return node.value !== undefined && node.tagName === "INPUT" ? node.value : node.innerText || node.textContent;
  }

  // A post with blanks: its text with each field's value in place of the blank.
  function filled(node) {
    var text = "";
    node.childNodes.forEach(function (child) {
      text += child.tagName === "INPUT" ? child.value.trim() : child.textContent;
    });
    return text;
  }

  function emptyBlanks(id) {
    var node = document.getElementById(id);
    if (!node || !node.hasAttribute("data-cercle-blanks")) return [];
    return Array.prototype.filter.call(node.querySelectorAll("input[data-blank]"), function (input) {
      return !input.value.trim();
    });
  }

  // Python's quote(safe=""): the encoding of the post inside the networks' share links.
  function quote(text) {
    return encodeURIComponent(text).replace(/[!'()*]/g, function (c) {
      return "%" + c.charCodeAt(0).toString(16).toUpperCase();
    });
  }

  // The post being shared: the first suggestion, with what the reader typed in its blanks.
  function current(block) {
    var list = block.querySelector("[data-post]");
    if (!list) return "";
    return list.getAttribute("data-current") || list.getAttribute("data-post");
  }

  // Each network's link with the post (the page holds it once, not once per link): the link
  // with the page's address alone, `data-text` inserted at `data-at` (cercle.share.links.text_slots).
  function writeLinks(block) {
    var post = quote(current(block));
    block.querySelectorAll("a[data-text]").forEach(function (link) {
      if (!link.hasAttribute("data-page-href")) link.setAttribute("data-page-href", link.getAttribute("href"));
      var alone = link.getAttribute("data-page-href");
      var at = Number(link.getAttribute("data-at"));
      var text = link.getAttribute("data-text").split("{text}").join(post);
      link.setAttribute("href", alone.slice(0, at) + text + alone.slice(at));
    });
  }

  // Blanks become labelled fields; links and the native share follow what the reader types.
  function setUpBlanks(block) {
    block.querySelectorAll("[data-cercle-blanks]").forEach(function (post) {
      post.querySelectorAll("[data-blank]").forEach(function (blank) {
        var input = document.createElement("input");
        var prompt = blank.getAttribute("data-blank");
        input.type = "text";
        input.className = "cercle-share__field";
        input.setAttribute("data-blank", prompt);
        input.setAttribute("placeholder", prompt);
        input.setAttribute("aria-label", block.getAttribute("data-blank-label").replace("{prompt}", prompt));
        input.size = Math.max(8, prompt.length + 2);
        blank.replaceWith(input);
      });
      var intro = post.parentNode.querySelector("[data-cercle-blanks-intro]");
      if (intro) intro.hidden = false;
    });
    var first = block.querySelector("[data-cercle-blanks]");
    var list = block.querySelector("[data-post]");
    if (!first || !list || first.id.slice(-2) !== "-1") return;
    first.addEventListener("input", function () {
      if (emptyBlanks(first.id).length) list.removeAttribute("data-current");
      else list.setAttribute("data-current", filled(first));
      writeLinks(block);
    });
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
    setUpBlanks(block);
    writeLinks(block);
    block.querySelectorAll("[data-cercle-copy]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var id = button.getAttribute("data-cercle-copy");
        var empty = emptyBlanks(id);
        document.querySelectorAll("#" + id + " input[data-blank]").forEach(function (input) {
          if (input.value.trim()) { input.removeAttribute("aria-invalid"); } else { input.setAttribute("aria-invalid", "true"); }
        });
        if (empty.length) {  // never copy a post with a blank left: say which, go to the first
          var prompts = empty.map(function (input) { return input.getAttribute("data-blank"); }).join(", ");
          say(block, block.getAttribute("data-blanks-left").replace("{n}", empty.length).replace("{prompts}", prompts));
          empty[0].focus();
          return;
        }
        copy(textOf(id)).then(
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
          text: current(block),
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
        var url = "https://" + host + "/share?text=" + encodeURIComponent(current(block) + " " + form.getAttribute("data-url"));
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
